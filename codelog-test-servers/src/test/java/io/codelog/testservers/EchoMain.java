package io.codelog.testservers;

import java.util.concurrent.CountDownLatch;

/**
 * Run by {@link ChildJvmTest} in a child JVM: prints its arguments and one variable, or hangs until killed, as asked.
 */
public final class EchoMain {

    private EchoMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("hang")) {
            new CountDownLatch(1).await();
        }
        for (String arg : args) {
            System.out.println(arg);
        }
        System.out.println("variable=" + System.getenv("CODELOG_CHILD_VARIABLE"));
        System.out.println("inherited=" + System.getenv("PATH"));
        System.err.println("on stderr");
        System.exit(3);
    }
}
