package noc.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import noc.api.ProblemException;

/** The console's one reading of a page number and of a text that may be blank. */
class ConsoleParametersTest {

    @ParameterizedTest
    @CsvSource({"1, 1", "' 7 ', 7", "20, 20"})
    void aPageWithinTheLastIsThatPage(String given, int expected) {
        assertThat(ConsoleParameters.page(given, 20)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void noPageIsTheFirst(String given) {
        assertThat(ConsoleParameters.page(given, 20)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "21", "-1", "two", "1.5", "99999999999"})
    void anyOtherPageIsABadRequestNamingPage(String given) {
        assertThatThrownBy(() -> ConsoleParameters.page(given, 20)).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.getMessage()).contains("page", "1 to 20"));
    }

    @ParameterizedTest
    @CsvSource(value = {"-, -", "'', -", "'  ', -", "' Acme ', Acme", "a b, a b"}, nullValues = "-")
    void aBlankTextIsNoneAndOtherTextsLoseTheirSurroundingSpaces(String given, String expected) {
        assertThat(ConsoleParameters.blankToNull(given)).isEqualTo(expected);
    }
}
