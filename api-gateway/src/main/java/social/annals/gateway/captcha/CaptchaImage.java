package social.annals.gateway.captcha;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws captcha text as a PNG from a built-in 5×7 pixel font (no system fonts needed), with
 * jittered, scaled glyphs, noise dots and crossing lines.
 */
final class CaptchaImage {

    /** Letters and digits that cannot be mistaken for one another (no O/0, I/1, S/5, B/8, G/6, Z/2). */
    static final String ALPHABET = "ACDEFHJKLMNPRTUVWXY34679";

    /** Each glyph is 7 rows of 5 pixels, row after row. */
    private static final Map<Character, String> GLYPHS = Map.ofEntries(
            Map.entry('A', ".###.#...##...#######...##...##...#"),
            Map.entry('C', ".#####....#....#....#....#.....####"),
            Map.entry('D', "####.#...##...##...##...##...#####."),
            Map.entry('E', "######....#....####.#....#....#####"),
            Map.entry('F', "######....#....####.#....#....#...."),
            Map.entry('H', "#...##...##...#######...##...##...#"),
            Map.entry('J', "..###...#....#....#....#.#..#..##.."),
            Map.entry('K', "#...##..#.#.#..##...#.#..#..#.#...#"),
            Map.entry('L', "#....#....#....#....#....#....#####"),
            Map.entry('M', "#...###.###.#.##.#.##...##...##...#"),
            Map.entry('N', "#...###..##.#.##..###...##...##...#"),
            Map.entry('P', "####.#...##...#####.#....#....#...."),
            Map.entry('R', "####.#...##...#####.#.#..#..#.#...#"),
            Map.entry('T', "#####..#....#....#....#....#....#.."),
            Map.entry('U', "#...##...##...##...##...##...#.###."),
            Map.entry('V', "#...##...##...##...##...#.#.#...#.."),
            Map.entry('W', "#...##...##...##.#.##.#.###.###...#"),
            Map.entry('X', "#...##...#.#.#...#...#.#.#...##...#"),
            Map.entry('Y', "#...##...#.#.#...#....#....#....#.."),
            Map.entry('3', "####.....#....#.###.....#....#####."),
            Map.entry('4', "#...##...##...######....#....#....#"),
            Map.entry('6', ".###.#....#....####.#...##...#.###."),
            Map.entry('7', "#####....#...#...#....#....#....#.."),
            Map.entry('9', ".###.#...##...#.####....#....#.###."));

    private static final int SCALE = 4;
    private static final int CELL = 6 * SCALE;
    private static final int MARGIN = 12;
    private static final int HEIGHT = 7 * SCALE + 2 * MARGIN;

    private CaptchaImage() {
    }

    static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    static byte[] png(String text, Random random) {
        int width = text.length() * CELL + 2 * MARGIN;
        BufferedImage image = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0xF4F1EA - (random.nextInt(16) << 16) - (random.nextInt(16) << 8));
            }
        }
        for (int i = 0; i < text.length(); i++) {
            String glyph = GLYPHS.get(text.charAt(i));
            int originX = MARGIN + i * CELL + random.nextInt(5) - 2;
            int originY = MARGIN + random.nextInt(9) - 4;
            int ink = 0x202040 + (random.nextInt(0x60) << 16) + (random.nextInt(0x40) << 8);
            for (int row = 0; row < 7; row++) {
                for (int column = 0; column < 5; column++) {
                    if (glyph.charAt(row * 5 + column) == '#') {
                        // Each row slants a little, so glyphs are not pixel-identical templates.
                        int shear = (3 - row) * (random.nextInt(3) - 1);
                        fill(image, originX + column * SCALE + shear, originY + row * SCALE, SCALE, SCALE, ink);
                    }
                }
            }
        }
        for (int line = 0; line < 3; line++) {
            int y = MARGIN + random.nextInt(7 * SCALE);
            double slope = (random.nextDouble() - 0.5) * 0.4;
            for (int x = 0; x < width; x++) {
                fill(image, x, (int) (y + slope * (x - width / 2.0)), 1, 2, 0x404060);
            }
        }
        for (int dot = 0; dot < width * HEIGHT / 25; dot++) {
            fill(image, random.nextInt(width), random.nextInt(HEIGHT), 1, 1, random.nextInt(0x808080));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void fill(BufferedImage image, int x, int y, int w, int h, int rgb) {
        for (int dy = 0; dy < h; dy++) {
            for (int dx = 0; dx < w; dx++) {
                int px = x + dx;
                int py = y + dy;
                if (px >= 0 && py >= 0 && px < image.getWidth() && py < image.getHeight()) {
                    image.setRGB(px, py, rgb);
                }
            }
        }
    }
}
