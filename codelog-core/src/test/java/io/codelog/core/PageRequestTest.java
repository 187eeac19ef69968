package io.codelog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @ParameterizedTest
    @CsvSource({"1, 1, 0", "10, 1, 0", "10, 3, 20", "1000, 1, 0", "1000, 2, 1000"})
    void offsetCountsTheLogsOfEarlierPages(int limit, int page, long offset) {
        assertThat(new PageRequest(limit, page).offset()).isEqualTo(offset);
    }

    @Test
    void offsetOfTheLastPossiblePageDoesNotOverflow() {
        PageRequest last = new PageRequest(PageRequest.MAX_LIMIT, Integer.MAX_VALUE);

        assertThat(last.offset()).isEqualTo((Integer.MAX_VALUE - 1L) * PageRequest.MAX_LIMIT);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, PageRequest.MAX_LIMIT + 1, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void limitOutOfRangeIsRejectedNamingLimit(int limit) {
        assertThatThrownBy(() -> new PageRequest(limit, 1))
                .isInstanceOfSatisfying(
                        InvalidCodeLogException.class,
                        e -> assertThat(e.field()).isEqualTo("limit"))
                .hasMessageContaining("1 to " + PageRequest.MAX_LIMIT)
                .hasMessageContaining(String.valueOf(limit));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void pageBelowOneIsRejectedNamingPage(int page) {
        assertThatThrownBy(() -> new PageRequest(10, page))
                .isInstanceOfSatisfying(
                        InvalidCodeLogException.class,
                        e -> assertThat(e.field()).isEqualTo("page"))
                .hasMessageContaining(String.valueOf(page));
    }
}
