package app.frontdesk.launch;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The Main-Class of target/frontdesk.jar: checks that the HTTP port is free, then hands over to
 * Payara Micro in the same JVM. Payara, finding the port taken, logs a stack trace and exits after
 * about 30 s; an operator and a service manager need one line and a code at once (issue 13). Plain
 * Java with no dependencies: it runs before anything of the application is loaded.
 */
public final class Launcher {

    /** sysexits.h EX_UNAVAILABLE: what we need (the port) is not available. */
    static final int UNAVAILABLE = 69;
    /** sysexits.h EX_CONFIG: the command line is wrong. */
    static final int CONFIGURATION = 78;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        int port;
        try {
            port = port(args);
        } catch (NumberFormatException e) {
            System.err.println("Frontdesk cannot start: --port must be a number from 1 to 65535 (" + e.getMessage() + ")");
            System.exit(CONFIGURATION);
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            // as Payara binds: connections of a gateway that just stopped (TIME_WAIT) must not count as "in use";
            // on Linux a socket still listening on the port does
            probe.setReuseAddress(true);
            // the listener binds to loopback (server-config/pre-boot-commands.asadmin); anything on the port blocks it
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (BindException e) {
            System.err.println("Frontdesk cannot start: port " + port + " is in use (another Frontdesk, or another server);"
                    + " stop it, or start this one with --port and a free port");
            System.exit(UNAVAILABLE);
        } catch (IOException e) {
            System.err.println("Frontdesk cannot start: port " + port + " cannot be opened: " + e.getMessage());
            System.exit(UNAVAILABLE);
        }
        // Payara's security start-up loads its policy provider through the thread's context class loader; it once
        // found none on this thread (1 start in 13 under load, 2026-11-28) and the application was not deployed
        Thread.currentThread().setContextClassLoader(Launcher.class.getClassLoader());
        System.setProperty("frontdesk.port", String.valueOf(port)); // part of the default instance name (FRONTDESK_INSTANCE_ID)
        Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro");
        try {
            micro.getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        // Payara says "ready" even when the application failed to deploy, and keeps running: a gateway that can do
        // nothing must end, so that the service manager starts it again
        if (deployedApplications(micro) == 0) {
            System.err.println("Frontdesk cannot start: the application was not deployed (Payara's reason is in the log above);"
                    + " start Frontdesk again, and report the log if it happens again");
            System.exit(SOFTWARE);
        }
    }

    /** sysexits.h EX_SOFTWARE: an internal error (here: Payara's). */
    static final int SOFTWARE = 70;

    /** How many applications Payara deployed; -1 when it cannot be asked (then nothing is concluded). */
    static int deployedApplications(Class<?> micro) {
        try {
            Object instance = micro.getMethod("getInstance").invoke(null);
            Object runtime = micro.getMethod("getRuntime").invoke(instance);
            Class<?> api = Class.forName("fish.payara.micro.PayaraMicroRuntime");
            return ((java.util.Collection<?>) api.getMethod("getDeployedApplicationNames").invoke(runtime)).size();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /** The HTTP port Payara will open: {@code --port N} (also {@code --port=N}), else 8080. */
    static int port(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equalsIgnoreCase("--port") && i + 1 < args.length) {
                return valid(Integer.parseInt(args[i + 1].strip()));
            }
            if (a.toLowerCase(java.util.Locale.ROOT).startsWith("--port=")) {
                return valid(Integer.parseInt(a.substring("--port=".length()).strip()));
            }
        }
        return 8080;
    }

    private static int valid(int port) {
        if (port < 1 || port > 65535) {
            throw new NumberFormatException("was " + port);
        }
        return port;
    }
}
