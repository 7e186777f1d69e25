package social.annals.gateway.federation.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses are literals here, so nothing is resolved. */
class PublicAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "0.1.2.3", "127.0.0.1", "127.255.0.2", "10.1.2.3", "172.16.0.1",
            "172.31.255.255", "192.168.0.1", "169.254.169.254", "100.64.0.1", "100.127.255.255", "224.0.0.1",
            "239.255.255.250", "255.255.255.255", "::", "::1", "fe80::1", "febf::1", "fec0::1", "fc00::1",
            "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:192.168.1.1"})
    void localAndPrivateAddressesAreNotPublic(String literal) throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(literal))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "93.184.216.34", "172.15.255.255", "172.32.0.1",
            "192.169.0.1", "100.63.255.255", "100.128.0.1", "169.253.0.1", "223.255.255.255",
            "2001:4860:4860::8888", "2a01:4f8::1", "fe00::1", "::ffff:8.8.8.8"})
    void otherAddressesArePublic(String literal) throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(literal))).isTrue();
    }

    /** The JDK parses ::ffff:a.b.c.d into an IPv4 address, but an Inet6Address can still carry one. */
    @Test
    void anIpv6AddressMappingAPrivateIpv4OneIsNotPublic() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 10, 0, 0, 1};
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(PublicAddresses.isPublic(address)).isFalse();
        mapped[12] = 8;
        assertThat(PublicAddresses.isPublic(Inet6Address.getByAddress(null, mapped, -1))).isTrue();
    }
}
