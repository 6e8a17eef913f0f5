package io.feiyan.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumbersTest {

    @Test
    void aNumberIsItsCountyBirthDateSerialAndTheCheckCharacterOfThose() {
        // the GB 11643 example: 11010519491231002 has check character X
        assertEquals("11010519491231002X", IdNumbers.of("110105", LocalDate.of(1949, 12, 31), 2));
        assertTrue(IdNumbers.isValid("11010519491231002X"));
    }

    @Test
    void aWrongCheckCharacterOrShapeIsNotANumber() {
        assertFalse(IdNumbers.isValid("110105194912310021"));
        assertFalse(IdNumbers.isValid("11010519491231002"));
        assertFalse(IdNumbers.isValid("1101051949123100 X"));
        assertFalse(IdNumbers.isValid(null));
    }
}
