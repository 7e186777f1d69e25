package social.annals.gateway.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

class ConnectionTest {

    private final ExecutorService senders = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        senders.shutdownNow();
    }

    /** A socket the test controls: it records what is written, blocks while asked to, and notes its closing. */
    private static final class FakeSocket {
        final List<String> written = new CopyOnWriteArrayList<>();
        final AtomicReference<CloseStatus> closed = new AtomicReference<>();
        volatile CountDownLatch stalled = new CountDownLatch(0);

        WebSocketSession session(String id) {
            return (WebSocketSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {WebSocketSession.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getId" -> id;
                        case "isOpen" -> closed.get() == null;
                        case "sendMessage" -> {
                            stalled.await();
                            written.add(((WebSocketMessage<?>) args[0]).getPayload().toString());
                            yield null;
                        }
                        case "close" -> {
                            closed.set(args == null ? CloseStatus.NORMAL : (CloseStatus) args[0]);
                            stalled.countDown();
                            yield null;
                        }
                        case "getAttributes" -> new java.util.HashMap<>();
                        default -> null;
                    });
        }
    }

    @Test
    void messagesAreWrittenInTheOrderTheyWereSent() throws InterruptedException {
        FakeSocket socket = new FakeSocket();
        Connection connection = new Connection(socket.session("a"), null, senders);
        for (int i = 0; i < 1000; i++) {
            connection.send("m" + i);
        }
        awaitSize(socket, 1000);
        assertThat(socket.written).startsWith("m0", "m1", "m2").endsWith("m998", "m999");
    }

    /** A client that stops reading is dropped once its outbox is full; the others are not held up meanwhile. */
    @Test
    void aClientThatStopsReadingIsDroppedAndHoldsNobodyElseUp() throws InterruptedException {
        FakeSocket slow = new FakeSocket();
        slow.stalled = new CountDownLatch(1);
        FakeSocket fast = new FakeSocket();
        Connection stuck = new Connection(slow.session("slow"), null, senders);
        Connection reading = new Connection(fast.session("fast"), null, senders);
        String frame = "x".repeat(10_000);
        long start = System.nanoTime();
        for (int i = 0; i < 60; i++) { // 600 KB, more than a connection may have waiting
            stuck.send(frame);
            if (i % 2 == 0) {
                reading.send(frame);
            }
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("sending never waits").isLessThan(1000);
        awaitSize(fast, 30);
        assertThat(slow.closed.get()).isNotNull();
        assertThat(slow.closed.get().getCode()).isEqualTo(CloseStatus.SESSION_NOT_RELIABLE.getCode());
    }

    private static void awaitSize(FakeSocket socket, int size) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (socket.written.size() < size && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(socket.written).hasSize(size);
    }
}
