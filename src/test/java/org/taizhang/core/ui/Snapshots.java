package org.taizhang.core.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * For looking at a page in a state a screenshot of a fresh start cannot reach (a sheet half filled, say):
 * with {@code -Dtaizhang.snapshots=DIR} a window test writes its scene there as a PNG; without it, nothing.
 */
public final class Snapshots {
    private Snapshots() {}

    /** Call on the JavaFX thread. */
    public static void save(Scene scene, String name) {
        String dir = System.getProperty("taizhang.snapshots");
        if (dir == null) {
            return;
        }
        WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(Path.of(dir));
            ImageIO.write(out, "png", Path.of(dir, name + ".png").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
