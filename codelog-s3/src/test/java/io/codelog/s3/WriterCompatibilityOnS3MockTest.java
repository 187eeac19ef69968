package io.codelog.s3;

import io.codelog.test.S3Mock;
import io.codelog.testservers.S3TestServer;
import org.junit.jupiter.api.BeforeAll;

/** The objects of the Go service and the Python engine, read and changed on Adobe S3Mock as on s3proxy. */
class WriterCompatibilityOnS3MockTest extends WriterCompatibilityTest {

    @Override
    @BeforeAll
    void bucket(@S3Mock S3TestServer server) {
        super.bucket(server);
    }
}
