package app.frontdesk.bench;

/** CPU used by this JVM and by PostgreSQL during a measured phase, to read a figure against the machine's two cores. */
final class BenchCpu {

    private BenchCpu() {
    }

    /** CPU time of this JVM, all threads. */
    static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** User and system CPU ticks of every postgres process on this machine (Linux /proc), 0 where unreadable. */
    static long postgresTicks() {
        long ticks = 0;
        java.io.File[] procs = new java.io.File("/proc").listFiles(f -> f.getName().chars().allMatch(Character::isDigit));
        for (java.io.File p : procs == null ? new java.io.File[0] : procs) {
            try {
                String stat = java.nio.file.Files.readString(p.toPath().resolve("stat"));
                int close = stat.lastIndexOf(')');
                if (!stat.substring(stat.indexOf('(') + 1, close).startsWith("postgres")) {
                    continue;
                }
                String[] f = stat.substring(close + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
            } catch (java.io.IOException | RuntimeException e) {
                // the process ended meanwhile
            }
        }
        return ticks;
    }
}
