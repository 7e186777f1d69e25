package social.annals.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A small HTTP client for the integration tests: forms, multipart, JSON and raw requests. */
public class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;

    public Http(int port) {
        this.port = port;
    }

    public record Response(int status, Map<String, List<String>> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        /** The value of a Set-Cookie for {@code name}, or null. */
        public String cookie(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
                    .flatMap(e -> e.getValue().stream())
                    .filter(c -> c.startsWith(name + "="))
                    .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                    .findFirst().orElse(null);
        }
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Response delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    /** Form-encoded body; {@code form} alternates names and values. */
    public Response postForm(String path, List<String> form, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    public Response patchForm(String path, List<String> form, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    public Response postJson(String path, Object body, String... headers) {
        return sendJson("POST", path, body, headers);
    }

    public Response patchJson(String path, Object body, String... headers) {
        return sendJson("PATCH", path, body, headers);
    }

    public Response putJson(String path, Object body, String... headers) {
        return sendJson("PUT", path, body, headers);
    }

    public Response putForm(String path, List<String> form, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .method("PUT", HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    public Response postRaw(String path, String contentType, String body, String... headers) {
        return send(request(path, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any method with any body, for what well-behaved clients never send (a GET with a body). */
    public Response send(String method, String path, String contentType, String body, String... headers) {
        return send(request(path, headers).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response postMultipart(String path, List<String> form, String... headers) {
        return multipart("POST", path, form, headers);
    }

    /** Fields as the browser's FormData sends them (Pleroma-FE's way for most writes). */
    public Response putMultipart(String path, List<String> form, String... headers) {
        return multipart("PUT", path, form, headers);
    }

    private Response multipart(String method, String path, List<String> form, String... headers) {
        String boundary = "b" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < form.size(); i += 2) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(form.get(i)).append("\"\r\n\r\n")
                    .append(form.get(i + 1)).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return send(request(path, headers).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A multipart upload of one file (as clients send media) plus plain fields. */
    public Response postFile(String path, String field, String fileName, String contentType, byte[] content,
                             List<String> form, String... headers) {
        String boundary = "b" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        for (int i = 0; i < form.size(); i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + form.get(i)
                    + "\"\r\n\r\n" + form.get(i + 1) + "\r\n").getBytes(utf8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(utf8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        return send(request(path, headers).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A request written byte for byte, for what java.net.URI refuses (raw brackets in the query). */
    public Response raw(String requestLine, String... headers) {
        try (Socket socket = new Socket("localhost", port)) {
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            String body = response.substring(split + 4);
            if (response.substring(0, split).toLowerCase().contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Response(status, Map.of(), body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private Response sendJson(String method, String path, Object body, String... headers) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(request(path, headers).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(text)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), new LinkedHashMap<>(response.headers().map()), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String encode(List<String> form) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < form.size(); i += 2) {
            pairs.add(URLEncoder.encode(form.get(i), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(form.get(i + 1), StandardCharsets.UTF_8));
        }
        return pairs.stream().collect(Collectors.joining("&"));
    }
}
