package io.codelog.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs {@link CodeLogRepositoryContract} from these starts only, instead of every {@link ContractStart}: for a
 * store or composite whose run of the suite takes minutes (a second S3 server, two stores at once) and whose
 * date handling is the one a store already proved at every start. Put it on the contract's subclass or on the
 * class that encloses it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RunContractFrom {

    /** The starts, at least one. */
    ContractStart[] value();
}
