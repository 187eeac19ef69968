package io.codelog.s3;

import io.codelog.test.S3Mock;
import io.codelog.testservers.S3TestServer;
import org.junit.jupiter.api.BeforeAll;

/** The same cases on Adobe S3Mock, an S3 implementation independent of s3proxy. */
class DayListingLookupOnS3MockTest extends DayListingLookupTest {

    @Override
    @BeforeAll
    void bucket(@S3Mock S3TestServer server) {
        super.bucket(server);
    }
}
