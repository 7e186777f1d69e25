package social.annals.command.social;

/** The id of the aggregate holding everything between two accounts: the two ids in order. */
public final class PairIds {

    private PairIds() {
    }

    public static String of(String one, String other) {
        return one.compareTo(other) <= 0 ? "pair:" + one + ":" + other : "pair:" + other + ":" + one;
    }
}
