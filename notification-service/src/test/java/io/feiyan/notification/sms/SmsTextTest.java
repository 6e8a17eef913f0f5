package io.feiyan.notification.sms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a text is cut into UCS-2 segments, and cut to fit two. */
class SmsTextTest {
    @ParameterizedTest(name = "{0} characters: {1} segment(s), cut {2}")
    @CsvSource({
            "1, 1, false",
            "70, 1, false",
            "71, 2, false",
            "134, 2, false",
            "135, 2, true",
            "400, 2, true"})
    void aTextGoesInOneSegmentUpTo70Characters_inTwoUpTo134_andLongerIsCut(int length, int segments, boolean cut) {
        SmsText text = SmsText.fit("飞".repeat(length));

        assertEquals(segments, text.payloads(7).size());
        assertEquals(cut, text.cut());
        assertEquals(segments > 1, text.concatenated());
        if (cut) {
            assertEquals("飞".repeat(SmsText.MOST - 1) + "…", text.text());
        }
    }

    @Test
    void eachSegmentOfATwoSegmentTextCarriesItsHeader_andTheirTextsJoinIntoTheWhole() {
        String whole = "一".repeat(67) + "二".repeat(30);
        List<byte[]> payloads = SmsText.fit(whole).payloads(0x2a);

        assertArrayEquals(new byte[] {5, 0, 3, 0x2a, 2, 1}, Arrays.copyOf(payloads.get(0), 6));
        assertArrayEquals(new byte[] {5, 0, 3, 0x2a, 2, 2}, Arrays.copyOf(payloads.get(1), 6));
        assertEquals(6 + 67 * 2, payloads.get(0).length);
        String joined = payloads.stream()
                .map(payload -> new String(payload, 6, payload.length - 6, StandardCharsets.UTF_16BE))
                .reduce("", String::concat);
        assertEquals(whole, joined);
    }

    @Test
    void aSingleSegmentIsThePlainUcs2Text() {
        assertArrayEquals("您好".getBytes(StandardCharsets.UTF_16BE), SmsText.fit("您好").payloads(1).get(0));
    }

    @Test
    void aCharacterBeyondUcs2IsNeverPartedBetweenSegments_andTheTextStillFitsTwo() {
        String text = "飞".repeat(66) + "😀" + "燕".repeat(66); // the emoji straddles the first segment's end

        SmsText fitted = SmsText.fit(text);

        List<byte[]> payloads = fitted.payloads(1);
        assertEquals(2, payloads.size());
        String first = new String(payloads.get(0), 6, payloads.get(0).length - 6, StandardCharsets.UTF_16BE);
        assertEquals("飞".repeat(66), first);
        assertTrue(fitted.cut());
        assertFalse(fitted.text().contains("\uFFFD"));
    }
}
