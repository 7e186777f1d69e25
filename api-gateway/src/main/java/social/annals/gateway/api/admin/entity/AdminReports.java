package social.annals.gateway.api.admin.entity;

import java.util.List;

/** The admin's list of reports. */
public record AdminReports(List<AdminReport> reports) {
}
