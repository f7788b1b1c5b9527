package com.contactsynchub.numberseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeriesNumberTest {

    @ParameterizedTest
    @CsvSource({
            "CT000001, 1, CT000002",
            "CT000009, 1, CT000010",
            "CT000099, 1, CT000100",
            "C00010, 10, C00020",
            "C00090, 10, C00100",
            "A1B002X, 1, A1B003X",
            "0009, 1, 0010",
            "INV-2024-0099, 2, INV-2024-0101"
    })
    void incStrIncreasesTheLastRunOfDigitsKeepingItsWidth(String no, int by, String expected) {
        assertThat(SeriesNumber.incStr(no, by)).isEqualTo(expected);
    }

    @Test
    void aRunOfDigitsWithoutRoomIsRefused() {
        assertThatThrownBy(() -> SeriesNumber.incStr("C-99", 1))
                .isInstanceOf(NumberSeriesException.class)
                .hasMessageContaining("C-99").hasMessageContaining("no room");
        assertThatThrownBy(() -> SeriesNumber.incStr("C-95", 10)).isInstanceOf(NumberSeriesException.class);
    }

    @Test
    void aNumberWithoutDigitsCannotBeIncremented() {
        assertThatThrownBy(() -> SeriesNumber.incStr("CONT", 1))
                .isInstanceOf(NumberSeriesException.class)
                .hasMessage("CONT contains no number and cannot be incremented.");
    }

    @Test
    void numbersOfASeriesCompareByLengthThenCharacters() {
        assertThat(SeriesNumber.compare("CT000010", "CT000009")).isPositive();
        assertThat(SeriesNumber.compare("10", "9")).isPositive();
        assertThat(SeriesNumber.compare("CT000001", "CT000001")).isZero();
    }

    @Test
    void theFirstNumberIsTheStartingNoThenIncStrOfTheLastNoUsed() {
        NumberSeries fresh = new NumberSeries("CONT", null, "CT000001", null, 1, null);
        assertThat(fresh.nextNo()).isEqualTo("CT000001");
        assertThat(fresh.withLastNoUsed("CT000009").nextNo()).isEqualTo("CT000010");
    }

    @Test
    void theEndingNoIsTheLastNumberHandedOut() {
        NumberSeries series = new NumberSeries("CONT", null, "CT000001", "CT000003", 1, "CT000002");
        assertThat(series.nextNo()).isEqualTo("CT000003");
        assertThatThrownBy(() -> series.withLastNoUsed("CT000003").nextNo())
                .isInstanceOf(NumberSeriesException.class)
                .hasMessage("You cannot assign new numbers from the number series CONT.");
    }

    @Test
    void inputIsNormalisedAndEveryProblemNamesItsField() {
        NumberSeriesInput bad = new NumberSeriesInput("x".repeat(101), " ", "abc", 0, "NONUMBER");
        assertThat(bad.problems("  this-code-is-longer-than-20 ")).containsExactlyInAnyOrder(
                "code: 27 characters, at most 20 allowed",
                "description: 101 characters, at most 100 allowed",
                "startingNo: must have a value",
                "incrementBy: must be at least 1, was 0",
                "lastNoUsed: NONUMBER contains no number and cannot be incremented",
                "lastNoUsed: NONUMBER comes after endingNo ABC");

        NumberSeriesInput good = new NumberSeriesInput(" Contacts ", " ct000001 ", "ct999999", null, null);
        assertThat(good.problems(" cont ")).isEmpty();
        assertThat(good.toSeries(" cont ", null))
                .isEqualTo(new NumberSeries("CONT", "Contacts", "CT000001", "CT999999", 1, null));
    }

    @Test
    void leavingOutTheLastNoUsedKeepsTheCurrentOneSoNoNumberIsHandedOutTwice() {
        NumberSeries current = new NumberSeries("CONT", null, "CT000001", null, 1, "CT000042");
        NumberSeriesInput change = new NumberSeriesInput("Contacts", "CT000001", null, 1, null);
        assertThat(change.toSeries("CONT", current).lastNoUsed()).isEqualTo("CT000042");
    }

    @Test
    void anEndingNoBeforeTheStartingNoIsRefused() {
        assertThat(new NumberSeriesInput(null, "CT000010", "CT000009", 1, null).problems("CONT"))
                .containsExactly("endingNo: CT000009 comes before startingNo CT000010");
        assertThat(new NumberSeriesInput(null, "CONT", null, 1, null).problems("CONT"))
                .containsExactly("startingNo: CONT contains no number and cannot be incremented");
    }
}
