package io.codelog.testservers;

/** A server this kit started or adopted, closed once at the end of the run. */
interface RunningServer extends AutoCloseable {

    /** Stops the server; closing an external server does nothing. Never throws. */
    @Override
    void close();
}
