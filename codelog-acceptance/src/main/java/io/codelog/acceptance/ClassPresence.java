package io.codelog.acceptance;

/** Whether a class can be loaded here, for reporting what the class path holds. */
final class ClassPresence {

    private ClassPresence() {}

    /** Whether the class and everything it needs to load are on the class path; it is not initialised. */
    static boolean loads(String className) {
        try {
            Class.forName(className, false, ClassPresence.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            // Missing itself, or a supertype it needs is missing: either way it is not usable.
            return false;
        }
    }
}
