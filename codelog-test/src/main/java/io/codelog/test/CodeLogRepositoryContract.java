package io.codelog.test;

import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * The behaviour every {@link CodeLogRepository} shares, as one suite that each store and composite extends
 * unchanged, supplying only {@link #newRepository}:
 *
 * <pre>{@code
 * class MongoCodeLogRepositoryTest extends CodeLogRepositoryContract {
 *     @Override
 *     protected CodeLogRepository newRepository(CodeLogRules rules) {
 *         return new MongoCodeLogRepository(template, MongoCodeLogSettings.defaults()
 *                 .withCollection("logs_" + counter.incrementAndGet()).withRules(rules));
 *     }
 * }
 * }</pre>
 *
 * <p>The whole suite runs once per {@link ContractStart}: the middle of a day and the last or first instant of a
 * UTC day, month and year ({@link RunContractFrom} narrows it for a slow store that another store's run already
 * covers). Each test gets a new, empty repository whose clock is a
 * {@link MutableClock} standing at that instant, and run ids that are ObjectIds dated a few seconds before it,
 * as real run ids are; a subclass inherits all of this, nested classes included. Invalid input is checked by
 * asserting the exception and that the store is unchanged afterwards. Listing order is asserted only for ids
 * the store generates; logs created with supplied ids are checked by membership, because a store that orders
 * by key (S3) can only approximate the creation order of supplied UUIDs.
 */
@ParameterizedClass(name = "clock from {0}")
@ArgumentsSource(ContractStarts.class)
@ExtendWith(ContractStartNote.class)
public abstract class CodeLogRepositoryContract {

    /** Where the clock of every test of this run of the suite starts; injected by JUnit. */
    @Parameter
    Instant start;

    private final ContractFixture fixture =
            new ContractFixture(this::newRepository, this::serverWritesConditionallyAtomically);

    /**
     * A new, empty store isolated from every other call (its own collection, its own S3 prefix) that uses
     * exactly these rules: their clock, content limit and id generator.
     */
    protected abstract CodeLogRepository newRepository(CodeLogRules rules);

    /**
     * Whether the server under the store applies concurrent conditional writes ({@code If-None-Match},
     * {@code If-Match}) atomically, as Amazon S3 and MongoDB's unique index do. A server known not to (Adobe
     * S3Mock 4.11.0, measured: two or more winners in about half of 8-way races) answers false, and the cases
     * that race writes of one id are skipped on it, saying so; every other case still runs there.
     */
    protected boolean serverWritesConditionallyAtomically() {
        return true;
    }

    @BeforeEach
    void newEmptyRepository() {
        fixture.reset(start);
    }

    @Nested
    @DisplayName("create")
    class Create extends CreateCases {
        Create() {
            super(fixture);
        }
    }

    @Nested
    @DisplayName("every operation refuses a hostile id before any I/O")
    class HostileIds extends HostileIdCases {
        HostileIds() {
            super(fixture);
        }
    }

    @Nested
    @DisplayName("put")
    class Put extends PutCases {
        Put() {
            super(fixture);
        }
    }

    @Nested
    @DisplayName("findById")
    class FindById extends FindByIdCases {
        FindById() {
            super(fixture);
        }
    }

    @Nested
    @DisplayName("listRunLogs")
    class ListRunLogs extends ListRunLogsCases {
        ListRunLogs() {
            super(fixture);
        }
    }

    @Nested
    @DisplayName("update")
    class Update extends UpdateCases {
        Update() {
            super(fixture);
        }
    }

    @Nested
    @DisplayName("delete")
    class Delete extends DeleteCases {
        Delete() {
            super(fixture);
        }
    }

    @Nested
    @DisplayName("deleteOlder")
    class DeleteOlder extends DeleteOlderCases {
        DeleteOlder() {
            super(fixture);
        }
    }

    @Nested
    @DisplayName("count")
    class Count extends CountCases {
        Count() {
            super(fixture);
        }
    }

    @Nested
    @DisplayName("create and update never write over or bring back a log")
    class ExclusiveWrites extends ExclusiveWriteCases {
        ExclusiveWrites() {
            super(fixture);
        }
    }

    @Nested
    @DisplayName("under concurrent use")
    class Concurrency extends ConcurrencyCases {
        Concurrency() {
            super(fixture);
        }
    }
}
