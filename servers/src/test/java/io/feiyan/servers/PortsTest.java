package io.feiyan.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Scanner;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void readsTheEphemeralRangeWhereTheSystemTellsIt() throws IOException {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        Assumptions.assumeTrue(Files.exists(range), "a Linux system");
        try (Scanner scanner = new Scanner(range)) {
            assertEquals(scanner.nextInt(), Ports.ephemeralStart());
        }
    }

    @Test
    void givesPortsBelowTheEphemeralRangeNeverTwiceAndFreeToBind() throws IOException {
        Set<Integer> given = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = Ports.free();
            assertTrue(port >= 1024 && port < Ports.ephemeralStart(), "port " + port);
            given.add(port);
        }
        assertEquals(50, given.size());
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(given.iterator().next()));
            assertTrue(socket.isBound());
        }
    }
}
