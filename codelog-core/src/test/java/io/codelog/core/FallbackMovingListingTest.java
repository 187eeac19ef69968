package io.codelog.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fallback reads each store's listing a page at a time; a store whose listing moves between two pages (the S3
 * store's page is short of a log deleted between its LIST and its GET, and logs created meanwhile push the next log
 * onto the next page) must not make the fallback list a log twice. The history check (codelog-it) found a page of the
 * fallback holding one log twice.
 */
class FallbackMovingListingTest {

    private static final String RUN = "65f2c3a1b4d5e6f708192a01";
    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";

    @Test
    void aLogThatMovesToTheNextPageWhileThePagesAreReadIsListedOnce() {
        CodeLog a = log("65f2c3a1b4d5e6f708192a11", 1);
        CodeLog b = log("65f2c3a1b4d5e6f708192a12", 2);
        CodeLog d = log("65f2c3a1b4d5e6f708192a14", 4);
        CodeLog e = log("65f2c3a1b4d5e6f708192a15", 5);
        // Page 1 was short of c, deleted between the LIST and the GET; two logs created before e moved it to page 2.
        ScriptedListing primary = new ScriptedListing(Map.of(1, List.of(a, b, d, e), 2, List.of(e)));
        ScriptedListing secondary = new ScriptedListing(Map.of());

        List<CodeLog> page = new FallbackCodeLogRepository(primary, secondary).listRunLogs(RUN, null, 5, 1);

        assertThat(page).containsExactly(a, b, d, e);
    }

    private static CodeLog log(String id, long second) {
        Instant at = Instant.ofEpochSecond(1_710_000_000L + second);
        return new CodeLog(id, RUN, CODE, LogType.INFO, "line " + second, at, at);
    }

    /** A store whose listing answers each page number as scripted, and empty past the script; nothing else. */
    private static final class ScriptedListing implements CodeLogRepository {

        private final Map<Integer, List<CodeLog>> pages;

        ScriptedListing(Map<Integer, List<CodeLog>> pages) {
            this.pages = pages;
        }

        @Override
        public List<CodeLog> listRunLogs(String runId, String codeId, int limit, int page) {
            return new ArrayList<>(pages.getOrDefault(page, List.of()));
        }

        @Override
        public CodeLog create(CodeLog log) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CodeLog put(CodeLog log) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<CodeLog> findById(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CodeLog update(String id, String content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long deleteOlder(Instant cutoff, long limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count(String runId, String codeId) {
            throw new UnsupportedOperationException();
        }
    }
}
