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
        try {
            Class.forName("fish.payara.micro.PayaraMicro").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
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
