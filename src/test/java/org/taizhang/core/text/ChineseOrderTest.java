package org.taizhang.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cached order is the collator's order, whatever the cache holds or has dropped. */
class ChineseOrderTest {
    @Test
    void namesSortAsInAChineseDictionary() {
        List<String> names = new ArrayList<>(List.of("中共江海市委办公室", "江海市财政局", "安全生产监督局", "白云区", "长江委"));
        names.sort(ChineseOrder.INSTANCE);
        assertThat(names).containsExactly("安全生产监督局", "白云区", "长江委", "江海市财政局", "中共江海市委办公室");
    }

    @Test
    void theOrderIsTheCollatorsEvenWhenTheCacheIsSmall() {
        Collator collator = Collator.getInstance(Locale.CHINA);
        ChineseOrder tiny = new ChineseOrder(3);
        Random r = new Random(7);
        String chars = "财政局审计统计教育市委办党支部机关江海中共";
        for (int i = 0; i < 2000; i++) {
            String a = word(r, chars);
            String b = word(r, chars);
            assertThat(Integer.signum(tiny.compare(a, b)))
                    .as(a + " / " + b)
                    .isEqualTo(Integer.signum(collator.compare(a, b)));
        }
    }

    private static String word(Random r, String chars) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
            sb.append(chars.charAt(r.nextInt(chars.length())));
        }
        return sb.toString();
    }
}
