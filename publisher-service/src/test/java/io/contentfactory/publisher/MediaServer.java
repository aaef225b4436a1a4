package io.contentfactory.publisher;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Stands in for our media storage: a JPEG, a PNG and an MP4 at {@code /<name>}, and the same under {@code /pull/},
 * the prefix the tests declare verified with TikTok (so media there is pulled by URL, other media uploaded in chunks).
 */
public class MediaServer implements QuarkusTestResourceLifecycleManager {

    /** Big enough for three TikTok chunks of the test's 100,000 bytes. */
    static final int VIDEO_BYTES = 250_000;

    private static HttpServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = serve();
        }
        return Map.of(
                "factory.publisher.tiktok.verified-url-prefixes",
                url("pull/"),
                "factory.publisher.assets.origins",
                url("").replaceAll("/$", ""),
                "factory.publisher.assets.path-prefix",
                "/");
    }

    @Override
    public void stop() {
        // shared by the test classes of this module's run
    }

    /** The URL of a file, for example {@code url("cover.jpg")} or {@code url("pull/clip.mp4")}. */
    static String url(String file) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + file;
    }

    static String contentType(String file) {
        return file.endsWith(".jpg") ? "image/jpeg" : file.endsWith(".png") ? "image/png" : "video/mp4";
    }

    private static HttpServer serve() {
        Map<String, byte[]> files = Map.of("jpg", image("jpg"), "png", image("png"), "mp4", video());
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                byte[] body = files.get(path.substring(path.lastIndexOf('.') + 1));
                if (body == null || path.contains("/missing")) {
                    exchange.sendResponseHeaders(404, -1);
                } else if ("HEAD".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().add("Content-Type", contentType(path));
                    exchange.getResponseHeaders().add("Content-Length", Integer.toString(body.length));
                    exchange.sendResponseHeaders(200, -1);
                } else {
                    exchange.getResponseHeaders().add("Content-Type", contentType(path));
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            http.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] image(String format) {
        try {
            BufferedImage image = new BufferedImage(30, 30, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Not a playable video: the sandboxes judge media by its content type, as far as they look. */
    private static byte[] video() {
        byte[] bytes = new byte[VIDEO_BYTES];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
