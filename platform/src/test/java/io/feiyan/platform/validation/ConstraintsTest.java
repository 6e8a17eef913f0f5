package io.feiyan.platform.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.events.Tier;
import io.feiyan.platform.rest.Problem.FieldError;
import io.feiyan.platform.rest.Violations;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each custom constraint against a table of values, and the order in which a request's reasons are told. */
class ConstraintsTest {
    private static final jakarta.validation.ValidatorFactory FACTORY = jakarta.validation.Validation
            .byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    record Regions(@RegionCode String any, @RegionCode(tier = Tier.VILLAGE) String village,
            @RegionCode(tier = Tier.COUNTY) String county) {
    }

    record Person(@ResidentIdNumber String idNumber, @Phone String phone) {
    }

    record Words(@Month String month, @Day String day, @OneOf({"open", "closed", "all"}) String status, @OneOf("csv") String format) {
    }

    record Paged(@PageNumber Integer page, @PageSize Integer size) {
    }

    record Hours(@Decimals(max = 2) java.math.BigDecimal hours) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static List<String> reasons(Object request) {
        return Violations.fieldErrors(VALIDATOR.validate(request)).stream()
                .map(error -> error.field() + ": " + error.reason()).toList();
    }

    @ParameterizedTest(name = "{0} as any region: {1}; as a village: {2}; as a county: {3}")
    @CsvSource(nullValues = "null", value = {
            "371322,         true,  false, true",
            "371322206,      true,  false, false",
            "371322206201,   true,  true,  false",
            "null,           true,  true,  true",
            "'',             false, false, false",
            "37132,          false, false, false",
            "3713222062011,  false, false, false",
            "37132220620a,   false, false, false",
            "' 371322',      false, false, false",
    })
    void aRegionCodeHas6_9Or12Digits_andTheTierNarrowsWhichOne(String code, boolean any, boolean village,
            boolean county) {
        List<String> expected = new java.util.ArrayList<>();
        if (!any) {
            expected.add("any: is a county (6 digits), town (9) or village (12) code");
        }
        if (!village) {
            expected.add("village: is a 12-digit village code");
        }
        if (!county) {
            expected.add("county: is the county's 6-digit code");
        }
        assertEquals(expected, reasons(new Regions(code, code, code)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "null", value = {
            "11010519491231002X, true",
            "371322194503150025, true",
            "null,               true",
            "110105194912310021, false",
            "11010519491231002x, false",
            "11010519491231002,  false",
            "1101051949123100 X, false",
            "'',                 false",
    })
    void aResidentIdNumberHas18CharactersAndTheRightCheckCharacter(String idNumber, boolean valid) {
        assertEquals(valid ? List.of()
                        : List.of("idNumber: is an 18-character resident ID number with a correct check character"),
                reasons(new Person(idNumber, null)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "null", value = {
            "13805391234,  true",
            "0539-1234567, true",
            "05391234567,  true",
            "null,         true",
            "12805391234,  false",
            "1380539123,   false",
            "123,          false",
    })
    void aPhoneIsAMobileNumberOrALandlineWithItsAreaCode(String phone, boolean valid) {
        assertEquals(valid ? List.of() : List.of("phone: is an 11-digit mobile number or a landline with its area code"),
                reasons(new Person(null, phone)));
    }

    @ParameterizedTest(name = "{0} hours: {1}")
    @CsvSource(nullValues = "null", value = {
            "1.5,    true",
            "1.500,  true",
            "1.25,   true",
            "2E+1,   true",
            "null,   true",
            "1.255,  false",
            "0.001,  false",
    })
    void aNumberHasAtMostItsDecimals_trailingZerosNotCounted(String hours, boolean valid) {
        assertEquals(valid ? List.of() : List.of("hours: has at most 2 decimals"),
                reasons(new Hours(hours == null ? null : new java.math.BigDecimal(hours))));
    }

    @Test
    void aMonthIsYyyyMm_aDayYyyyMmDd_andAWordIsOneOfThoseAllowed() {
        assertEquals(List.of(), reasons(new Words("2026-12", "2026-12-01", "closed", "csv")));
        assertEquals(List.of("month: is a month such as 2026-12", "day: is a date such as 2026-12-01",
                        "status: is open, closed or all", "format: is csv"),
                reasons(new Words("2026-13", "2026-02-30", "later", "xml")));
        assertEquals(List.of("month: is a month such as 2026-12"), reasons(new Words("March", null, null, null)));
    }

    @ParameterizedTest(name = "page {0}, size {1}: {2}")
    @CsvSource(nullValues = "null", value = {
            "0,    1,    ''",
            "7,    100,  ''",
            "null, null, ''",
            "-1,   20,   page: counts from 0",
            "0,    0,    size: is from 1 to 100",
            "0,    101,  size: is from 1 to 100",
    })
    void aPageCountsFrom0_andItsSizeIsFrom1To100(Integer page, Integer size, String reason) {
        assertEquals(reason.isEmpty() ? List.of() : List.of(reason), reasons(new Paged(page, size)));
    }

    record Guardian(@NotBlank(message = Reasons.REQUIRED) @Size(max = 3, message = Reasons.LONGER) String name,
            @NotNull(message = Phone.REASON) @Phone String phone) {
    }

    record Request(@NotBlank(message = Reasons.REQUIRED) @RegionCode(tier = Tier.VILLAGE) String villageCode,
            Integer count, @Valid Guardian guardian, String reason) implements CrossChecked {
        @Override
        public void crossCheck(Checks checks) {
            checks.require(count == null || count > 0, "count", "is more than 0")
                    .require(count == null || count % 2 == 0, "count", "is even")
                    .require(guardian == null || reason != null, "reason", "says why, when a guardian is given")
                    .require(reason == null || !reason.contains("{max}"), "reason", "has no {max} in it");
        }
    }

    @Test
    void reasonsComeInTheOrderTheRequestDeclaresItsFields_eachFieldsConstraintsInTheirOrder() {
        assertEquals(List.of(
                        "villageCode: is required",
                        "villageCode: is a 12-digit village code",
                        "count: is more than 0",
                        "count: is even",
                        "guardian.name: is longer than 3 characters",
                        "guardian.phone: is an 11-digit mobile number or a landline with its area code",
                        "reason: says why, when a guardian is given"),
                reasons(new Request("", -1, new Guardian("Wu Jianguo", null), null)));
        assertEquals(List.of("guardian.name: is required", "reason: has no {max} in it"),
                reasons(new Request("371322206201", null, new Guardian(" ", "13905395678"), "a {max}")));
        assertEquals(List.of(new FieldError("villageCode", "is required")),
                Violations.fieldErrors(VALIDATOR.validate(new Request(null, null, null, null))));
    }

    record Completion(Integer hours, List<Integer> servedBy) implements CrossChecked {
        @Override
        public void crossCheck(Checks checks) {
            checks.require(hours == null || hours > 0, "hours", "is more than 0")
                    .require(servedBy == null || servedBy.stream().allMatch(h -> h <= 24), "servedBy",
                            "has at most 24 hours each")
                    .require(servedBy == null || hours == null || hours == servedBy.stream().mapToInt(h -> h).sum(),
                            "hours", "is the sum of servedBy");
        }
    }

    @Test
    void aRuleAcrossFieldsCheckedAfterALaterFieldIsToldAfterIt_asTheRequestChecksThem() {
        assertEquals(List.of("servedBy: has at most 24 hours each", "hours: is the sum of servedBy"),
                reasons(new Completion(10, List.of(30))));
        assertEquals(List.of("hours: is more than 0", "servedBy: has at most 24 hours each",
                        "hours: is the sum of servedBy"),
                reasons(new Completion(-1, List.of(30))));
    }
}
