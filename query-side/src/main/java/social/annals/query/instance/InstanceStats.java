package social.annals.query.instance;

public record InstanceStats(long userCount, long statusCount, long domainCount) {

    /** Query for the instance's counters. */
    public record Query() {
    }
}
