package social.annals.gateway.streaming;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Mastodon's streaming health check, which clients and proxies ask before connecting. */
@RestController
public class StreamingHealthController {

    @GetMapping("/api/v1/streaming/health")
    public ResponseEntity<String> health() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("OK");
    }
}
