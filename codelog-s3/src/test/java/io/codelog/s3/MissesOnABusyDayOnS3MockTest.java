package io.codelog.s3;

import io.codelog.test.S3Mock;
import io.codelog.testservers.S3TestServer;
import org.junit.jupiter.api.BeforeAll;

/** The same lookups on Adobe S3Mock, an S3 implementation independent of s3proxy. */
class MissesOnABusyDayOnS3MockTest extends MissesOnABusyDayTest {

    @Override
    @BeforeAll
    void busyDay(@S3Mock S3TestServer server) throws Exception {
        super.busyDay(server);
    }
}
