package io.codelog.it;

import java.util.function.Predicate;

/** One of the two PUTs of an S3 create, told apart by the path of its request line. */
enum CreatePut {
    /** The log object's PUT, under {@code logs/}. */
    LOG("/logs/"),
    /** The id index pointer's PUT, under {@code index/}. */
    POINTER("/index/");

    private final String pathPart;

    CreatePut(String pathPart) {
        this.pathPart = pathPart;
    }

    /** Matches the request line of this PUT, e.g. {@code PUT /bucket/prefix/logs/... HTTP/1.1}. */
    Predicate<String> requestLine() {
        return line -> line.startsWith("PUT ") && line.contains(pathPart);
    }
}
