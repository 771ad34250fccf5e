package sa.tenhal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

class PagingTests {

    static final Map<String, String> SORTS = Map.of("start", "startsAt", "status", "status");

    @Test
    void everyOrderEndsWithTheId() {
        Pageable asked = PageRequest.of(2, 10, Sort.by(Sort.Direction.DESC, "start"));
        Pageable page = Paging.sortableBy(asked, SORTS, Sort.by("startsAt"));
        assertThat(page.getSort().toList()).containsExactly(Sort.Order.desc("startsAt"), Sort.Order.asc("id"));
        assertThat(page.getPageNumber()).isEqualTo(2);

        Pageable fallback = Paging.sortableBy(PageRequest.of(0, 5), SORTS, Sort.by("startsAt"));
        assertThat(fallback.getSort().toList()).containsExactly(Sort.Order.asc("startsAt"), Sort.Order.asc("id"));

        Sort byId = Sort.by(Sort.Direction.DESC, "id");
        assertThat(Paging.unique(byId)).isEqualTo(byId);
        assertThat(Paging.unique(Pageable.unpaged(Sort.by("code"))).getSort().toList())
                .containsExactly(Sort.Order.asc("code"), Sort.Order.asc("id"));
    }

    @Test
    void aSortTheListDoesNotOfferNamesWhatItDoes() {
        assertThatThrownBy(() -> Paging.sortableBy(PageRequest.of(0, 5, Sort.by("%")), SORTS, Sort.unsorted()))
                .isInstanceOf(MalformedRequestException.class)
                .hasMessage("sort: cannot sort by '%'; allowed: start, status");
    }

    @Test
    void aPageFarPastTheEndIsEmptyAndReadsNothing() {
        var page = Paging.page(Integer.MAX_VALUE, 200, 3, (offset, limit) -> {
            throw new AssertionError("read past the end at " + offset);
        });
        assertThat(page.getContent()).isEmpty();
        assertThat(Paging.page(0, 2, 3, (offset, limit) -> List.of("a", "b")).getContent())
                .containsExactly("a", "b");
    }
}
