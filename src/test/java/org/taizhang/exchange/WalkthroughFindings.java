package org.taizhang.exchange;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.taizhang.core.Ids;
import org.taizhang.core.store.Store;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Unit;

/**
 * A tool, not a test: what an inspector records on a prepared laptop during a visit — two findings at one unit, each
 * with a site photo — for the two-person walkthrough of 数据交换 (docs/walkthrough-exchange.md):
 *
 * <pre>
 * mvn -q compile exec:exec -Dexec.classpathScope=test -Dmain.class=org.taizhang.exchange.WalkthroughFindings \
 *     -Drun.args=/tmp/walk/laptop/taizhang.db
 * </pre>
 */
public final class WalkthroughFindings {
    private WalkthroughFindings() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: WalkthroughFindings LAPTOP.db");
        }
        Path db = Path.of(args[0]).toAbsolutePath();
        try (Store store = Store.open(db)) {
            store.setOperator("李督查");
            RegistryService registry = new RegistryService(store);
            Unit unit = registry.load().units().stream()
                    .filter(u -> u.name().contains("财政局"))
                    .findFirst()
                    .orElse(registry.load().units().getFirst());
            FindingService findings = new FindingService(store, registry);
            record(findings, unit, "三会一课", "支委会未按月召开，今年以来仅召开3次，会议记录不完整", db, 1);
            record(findings, unit, "阵地建设", "党员活动室被挪作会议室使用，入党誓词、党旗等上墙内容缺失", db, 2);
        }
    }

    private static void record(FindingService findings, Unit unit, String category, String text, Path db, int n)
            throws IOException {
        Path photo = db.resolveSibling("现场照片-" + n + ".png");
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 190, 170));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(120, 30, 30));
        g.fillRect(60 * n, 80, 300, 200);
        g.dispose();
        ImageIO.write(image, "png", photo.toFile());
        findings.record(
                Finding.recorded(
                        Ids.newId(),
                        null,
                        null,
                        unit.id(),
                        null,
                        category,
                        text,
                        null,
                        Severity.ORDINARY,
                        RectificationType.DEADLINE,
                        FindingSource.VISIT,
                        null,
                        LocalDate.now(),
                        "李督查"),
                List.of(photo));
        Files.deleteIfExists(photo);
    }
}
