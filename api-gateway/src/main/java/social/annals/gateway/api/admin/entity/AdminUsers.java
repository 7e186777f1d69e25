package social.annals.gateway.api.admin.entity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** One page of the admin's user list: how many match in all, the page size, the page's accounts. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AdminUsers(int count, int pageSize, List<AdminAccount> users) {
}
