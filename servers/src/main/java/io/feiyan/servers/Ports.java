package io.feiyan.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports for servers this process starts. A port is chosen below the system's ephemeral range, never in it:
 * the operating system gives ports from that range to every outgoing connection, so a port chosen there could be
 * taken by, say, a service's connection to Kafka in the seconds before the server meant for it binds it (a start that
 * failed with "address already in use" once in a while on a busy machine). Nor is a port given twice by one process.
 */
public final class Ports {
    private static final int LOWEST = 15000;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /** A port nothing listens on now, below the ephemeral range, not given before by this process. */
    public static int free() {
        int highest = ephemeralStart() - 1;
        int lowest = Math.max(1024, Math.min(LOWEST, highest - 999));
        int span = highest - lowest + 1;
        if (span < 1) {
            throw new IllegalStateException("the ephemeral range starts at " + (highest + 1) + ": no port below it");
        }
        int first = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = lowest + (first + i) % span;
            if (!GIVEN.contains(port) && bindable(port) && GIVEN.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + lowest + " and " + highest);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port of Linux's ephemeral range; where it cannot be read, 32768 (Linux's default; macOS and Windows start higher). */
    static int ephemeralStart() {
        try {
            // readAllLines, not readString: that reads a /proc file's first byte only (its size shows as 0)
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }
}
