package io.codelog.testservers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Plain HTTP calls to the test servers, with no S3 client. */
final class Wire {

    private static final int TIMEOUT_MILLIS = 5_000;

    private Wire() {}

    /** An unsigned GET of the URI. */
    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(TIMEOUT_MILLIS))
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(TIMEOUT_MILLIS))
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A GET of the server's root (ListBuckets) signed with AWS signature version 2, which s3proxy accepts beside
     * version 4: enough to tell whether a server takes a pair of keys, without an S3 client.
     */
    static HttpResponse<String> listBucketsSignedV2(URI endpoint, String accessKeyId, String secretAccessKey)
            throws IOException, InterruptedException, GeneralSecurityException {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secretAccessKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder()
                .encodeToString(mac.doFinal(("GET\n\n\n" + date + "\n/").getBytes(StandardCharsets.UTF_8)));
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(TIMEOUT_MILLIS))
                .build();
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(Duration.ofMillis(TIMEOUT_MILLIS))
                .header("Date", date)
                .header("Authorization", "AWS " + accessKeyId + ":" + signature)
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
