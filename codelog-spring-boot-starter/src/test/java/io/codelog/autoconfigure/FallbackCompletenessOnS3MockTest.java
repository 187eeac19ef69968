package io.codelog.autoconfigure;

import io.codelog.test.S3Mock;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import org.junit.jupiter.api.BeforeAll;

/** The same cases with the S3 store on Adobe S3Mock, an S3 implementation independent of s3proxy. */
class FallbackCompletenessOnS3MockTest extends FallbackCompletenessTest {

    @Override
    @BeforeAll
    void servers(MongoTestServer mongo, @S3Mock S3TestServer s3) {
        super.servers(mongo, s3);
    }
}
