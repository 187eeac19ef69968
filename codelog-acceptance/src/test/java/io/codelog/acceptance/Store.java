package io.codelog.acceptance;

/** The two stores a row may write to. */
enum Store {
    MONGO,
    S3
}
