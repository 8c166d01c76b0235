package no.dialog.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PageTest {

    private static final List<String> IDS = List.of("e", "a", "d", "b", "c");

    /** Every item, reading page after page from the first. */
    private static List<String> readAll(Function<PageRequest, Page<String>> read, int limit) {
        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(limit);
        while (request != null) {
            Page<String> page = read.apply(request);
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            seen.addAll(page.items());
            request = page.next().orElse(null);
        }
        return seen;
    }

    @Test
    void pagesCutFromAWholeListFollowKeyOrderAndEndWithoutAnEmptyPage() {
        assertThat(readAll(r -> Page.of(IDS, Function.identity(), r), 2)).containsExactly("a", "b", "c", "d", "e");
        assertThat(Page.of(IDS, Function.identity(), PageRequest.first(5)).next()).isEmpty();
        assertThat(Page.of(IDS, Function.identity(), PageRequest.first(4)).next()).contains(new PageRequest(4, "d"));
        assertThat(Page.of(List.<String>of(), Function.identity(), PageRequest.first(3)).items()).isEmpty();
    }

    @Test
    void pagesOfAnOrderedListKeepItsOrderAndRefuseAKeyItDoesNotHave() {
        assertThat(readAll(r -> Page.ofOrdered(IDS, Function.identity(), r), 2)).containsExactlyElementsOf(IDS);
        assertThat(Page.ofOrdered(IDS, Function.identity(), new PageRequest(2, "d")).items()).containsExactly("b", "c");
        assertThatThrownBy(() -> Page.ofOrdered(IDS, Function.identity(), new PageRequest(2, "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPageHoldsOneToTwoHundredItems() {
        assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageRequest.first(201)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PageRequest.first(200).limit()).isEqualTo(200);
    }
}
