package io.codelog.it.history;

import static io.codelog.it.history.HandMadeHistory.id;
import static io.codelog.it.history.HandMadeHistory.log;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.it.history.Anomaly.Rule;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The checker on histories made by hand: for each rule, a history that breaks it is reported under that rule with
 * the operations that show it, and the same history with a failed or timed-out write that explains the result is
 * not reported.
 */
class HistoryCheckerTest {

    private final HandMadeHistory history = new HandMadeHistory();

    @Test
    void aHistoryOfConcurrentCallsThatSomeOrderExplainsHasNoAnomaly() {
        String a = id(1, 1);
        String b = id(1, 2);
        history.createOk(a, "a", 0, 1);
        history.createOk(b, "b", 0, 1);
        history.updateOk(a, "a2", 1, 2, 6);
        history.find(a, log(a, "a", 1), 3, 4);
        history.find(a, log(a, "a2", 1), 5, 7);
        history.page(1, 2, 8, 9, log(b, "b", 1));
        history.count(2, 8, 9);
        history.deleteOk(b, true, 10, 11);
        history.find(b, log(b, "b", 1), 9, 12);
        history.find(b, null, 12, 13);

        assertThat(history.check()).isEmpty();
    }

    @Test
    void eachRuleCountsTheResultsItConstrained() {
        String a = id(1, 1);
        String b = id(1, 2);
        history.createOk(a, "a", 0, 1);
        history.createOk(b, "b", 0, 1);
        history.find(a, log(a, "a", 1), 2, 3);
        history.page(1, 2, 4, 5, log(b, "b", 1));
        history.count(2, 4, 5);
        history.deleteOk(b, true, 6, 7);
        history.createOk(b, "b again", 8, 9);
        history.find(b, log(b, "b again", 9), 10, 11);
        history.list(12, 13, log(a, "a", 1), log(b, "b again", 9));

        HistoryChecker.Report report = HistoryChecker.check(history.history());

        assertThat(report.anomalies()).isEmpty();
        assertThat(report.checked())
                .containsOnlyKeys(Rule.values())
                .allSatisfy(
                        (rule, checked) -> assertThat(checked).as("%s", rule).isPositive());
    }

    @Nested
    class LostCreate {

        private final String x = id(1, 1);

        @Test
        void anAcknowledgedCreateThatALaterReadDoesNotFindIsReported() {
            Invocation create = history.createOk(x, "x", 0, 1);
            Invocation read = history.find(x, null, 2, 3);

            assertOnly(Rule.LOST_CREATE, create, read);
        }

        @Test
        void aFailedDeleteThatBeganBeforeTheReadEndedExplainsIt() {
            history.createOk(x, "x", 0, 1);
            history.delete(x, 2, 3, Outcome.TIMED_OUT);
            history.find(x, null, 4, 5);

            assertThat(history.check()).isEmpty();
        }

        @Test
        void aSecondAcknowledgedCreateOfTheIdWithNoDeleteBetweenIsAnOverwrite() {
            Invocation first = history.createOk(x, "first", 0, 1);
            Invocation second = history.createOk(x, "second", 2, 3);
            Invocation read = history.find(x, log(x, "second", 3), 4, 5);

            assertOnly(Rule.LOST_CREATE, first, second, read);
        }
    }

    @Nested
    class ReadAfterDelete {

        private final String x = id(1, 1);

        @Test
        void aReadThatReturnsALogAfterItsDeleteWasAcknowledgedIsReported() {
            Invocation create = history.createOk(x, "x", 0, 1);
            Invocation delete = history.deleteOk(x, true, 2, 3);
            Invocation read = history.find(x, log(x, "x", 1), 4, 5);

            assertOnly(Rule.READ_AFTER_DELETE, delete, create, read);
        }

        @Test
        void anUpdateAfterTheDeleteDoesNotBringTheLogBack() {
            history.createOk(x, "x", 0, 1);
            Invocation delete = history.deleteOk(x, true, 2, 3);
            Invocation update = history.updateOk(x, "back", 1, 4, 5);
            Invocation read = history.find(x, log(x, "back", 1), 6, 7);

            assertOnly(Rule.READ_AFTER_DELETE, delete, update, read);
        }

        @Test
        void aFailedCreateOfTheSameIdAfterTheDeleteExplainsIt() {
            history.createOk(x, "x", 0, 1);
            history.deleteOk(x, true, 2, 3);
            history.create(x, "again", 4, 5, Outcome.FAILED);
            history.find(x, log(x, "again", 5), 6, 7);

            assertThat(history.check()).isEmpty();
        }
    }

    @Nested
    class UnwrittenContent {

        private final String x = id(1, 1);

        @Test
        void contentThatNoWriteWroteIsReported() {
            history.createOk(x, "x", 0, 1);
            Invocation read = history.find(x, log(x, "nobody wrote this", 1), 2, 3);

            assertOnly(Rule.UNWRITTEN_CONTENT, read);
        }

        @Test
        void theContentOfAnUpdateTheStoreRefusedIsReported() {
            history.createOk(x, "x", 0, 1);
            Invocation refused = history.update(x, "refused", 2, 3, Outcome.REJECTED);
            Invocation read = history.find(x, log(x, "refused", 1), 4, 5);

            assertOnly(Rule.UNWRITTEN_CONTENT, refused, read);
        }

        @Test
        void theContentOfAPendingUpdateIsAllowed() {
            history.createOk(x, "x", 0, 1);
            history.update(x, "pending", 2, 3, Outcome.TIMED_OUT);
            history.find(x, log(x, "pending", 1), 4, 5);
            history.find(x, log(x, "x", 1), 6, 7);

            assertThat(history.check()).isEmpty();
        }
    }

    @Nested
    class DuplicateInListing {

        @Test
        void aListingThatHoldsALogTwiceIsReported() {
            String x = id(1, 1);
            history.createOk(x, "x", 0, 1);
            Invocation page = history.page(10, 1, 2, 3, log(x, "x", 1), log(x, "x", 1));

            assertOnly(Rule.DUPLICATE_IN_LISTING, page);
            assertThat(history.check().get(0).logId()).isEqualTo(x);
        }
    }

    @Nested
    class PageMissesLog {

        private final String a = id(1, 1);
        private final String b = id(2, 2);
        private final String c = id(3, 3);

        @Test
        void aPageShortOfALogThatWasThereThroughoutIsReported() {
            history.createOk(a, "a", 0, 1);
            Invocation missed = history.createOk(b, "b", 1, 2);
            history.createOk(c, "c", 2, 3);
            Invocation count = history.count(3, 10, 11);
            Invocation page = history.page(2, 1, 12, 13, log(a, "a", 1));

            assertOnly(Rule.PAGE_MISSES_LOG, missed, count, page);
        }

        @Test
        void aPendingCreateThatMayStandBeforeTheLogExplainsIt() {
            history.createOk(a, "a", 0, 1);
            history.createOk(b, "b", 1, 2);
            history.createOk(c, "c", 2, 3);
            history.create(null, "pending", 4, 5, Outcome.TIMED_OUT);
            history.count(3, 10, 11);
            history.page(2, 1, 12, 13, log(a, "a", 1));

            assertThat(history.check()).isEmpty();
        }

        @Test
        void aPendingCreateThatTheSettledListingShowsNeverLandedExplainsNothing() {
            history.createOk(a, "a", 0, 1);
            Invocation missed = history.createOk(b, "b", 1, 2);
            history.createOk(c, "c", 2, 3);
            history.create(null, "never landed", 4, 5, Outcome.TIMED_OUT);
            Invocation count = history.count(3, 10, 11);
            Invocation page = history.page(2, 1, 12, 13, log(a, "a", 1));
            history.settledAt(20);
            history.list(21, 22, log(a, "a", 1), log(b, "b", 2), log(c, "c", 3));

            assertOnly(Rule.PAGE_MISSES_LOG, missed, count, page);
        }
    }

    @Nested
    class CountTooSmall {

        private final String a = id(1, 1);
        private final String b = id(2, 2);

        @Test
        void aCountBelowTheAcknowledgedUndeletedCreatesIsReported() {
            Invocation first = history.createOk(a, "a", 0, 1);
            Invocation second = history.createOk(b, "b", 1, 2);
            Invocation count = history.count(1, 3, 4);

            assertOnly(Rule.COUNT_TOO_SMALL, first, second, count);
        }

        @Test
        void aDeleteThatMayHaveLandedBeforeTheCountEndedExplainsIt() {
            history.createOk(a, "a", 0, 1);
            history.createOk(b, "b", 1, 2);
            history.delete(b, 2, 3, Outcome.FAILED);
            history.count(1, 3, 4);

            assertThat(history.check()).isEmpty();
        }
    }

    private void assertOnly(Rule rule, Invocation... involved) {
        List<Anomaly> anomalies = history.check();
        assertThat(anomalies).as("anomalies").hasSize(1);
        Anomaly anomaly = anomalies.get(0);
        assertThat(anomaly.rule()).isEqualTo(rule);
        if (rule != Rule.COUNT_TOO_SMALL && involved[0].call().id() != null) {
            assertThat(anomaly.logId())
                    .as("the log it is about")
                    .isEqualTo(involved[0].call().id());
        }
        assertThat(anomaly.involved()).containsExactly(involved);
        assertThat(anomaly.toString()).contains(rule.name()).contains("#" + involved[0].index());
    }
}
