package org.taizhang.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberedOrderTest {
    private static List<String> sorted(String... names) {
        List<String> list = new ArrayList<>(List.of(names));
        list.sort(NumberedOrder.INSTANCE);
        return list;
    }

    @Test
    void teamsGoByTheirNumberInChineseNumeralsOrDigits() {
        assertThat(sorted("第一检查组", "第三检查组", "第二检查组", "第十一检查组", "第十检查组"))
                .containsExactly("第一检查组", "第二检查组", "第三检查组", "第十检查组", "第十一检查组");
        assertThat(sorted("第10组", "第2组", "第1组")).containsExactly("第1组", "第2组", "第10组");
        assertThat(sorted("第二十三组", "第二十组", "第九组")).containsExactly("第九组", "第二十组", "第二十三组");
    }

    @Test
    void namesWithoutANumberFollowTheDictionary() {
        assertThat(sorted("综合组", "材料组", "第二组")).containsExactly("材料组", "第二组", "综合组");
    }
}
