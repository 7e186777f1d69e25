package social.annals.gateway.federation.http;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * The addresses a fetch may reach when private ones are not allowed: a remote server's URIs must
 * not make this instance probe its own host, its network or a cloud metadata service.
 */
final class PublicAddresses {

    private PublicAddresses() {
    }

    /**
     * False for loopback, private (site-local), link-local, unspecified, multicast, carrier-grade
     * NAT and unique-local addresses, and for IPv6 addresses that map an IPv4 one of those.
     */
    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? isPublicIpv4(bytes) : isPublicIpv6(bytes);
    }

    private static boolean isPublicIpv4(byte[] bytes) {
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        boolean local = first == 0                            // 0/8: 0.0.0.0 reaches this host on Linux
                || first == 10
                || first == 127
                || first == 100 && (second & 0xC0) == 64      // 100.64/10, carrier-grade NAT
                || first == 169 && second == 254
                || first == 172 && (second & 0xF0) == 16
                || first == 192 && second == 168
                || first >= 224;                              // multicast, and the reserved 240/4 with broadcast
        return !local;
    }

    private static boolean isPublicIpv6(byte[] bytes) {
        if (isIpv4Mapped(bytes)) {
            return isPublicIpv4(Arrays.copyOfRange(bytes, 12, 16));
        }
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        boolean local = isUnspecifiedOrLoopback(bytes)
                || (first & 0xFE) == 0xFC                     // fc00::/7, unique-local
                || first == 0xFE && (second & 0xC0) == 0x80   // fe80::/10, link-local
                || first == 0xFE && (second & 0xC0) == 0xC0   // fec0::/10, the former site-local
                || first == 0xFF;                             // multicast
        return !local;
    }

    /** ::ffff:a.b.c.d, which the JDK usually turns into an IPv4 address but need not. */
    private static boolean isIpv4Mapped(byte[] bytes) {
        return allZero(bytes, 0, 10) && bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }

    /** :: and ::1. */
    private static boolean isUnspecifiedOrLoopback(byte[] bytes) {
        return allZero(bytes, 0, 15) && (bytes[15] == 0 || bytes[15] == 1);
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
