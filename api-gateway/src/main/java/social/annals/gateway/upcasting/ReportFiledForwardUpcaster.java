package social.annals.gateway.upcasting;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.springframework.stereotype.Component;
import social.annals.events.report.ReportFiled;

/** {@link ReportFiled} revision 2 added {@code forward}: no report before it asked to be forwarded. */
@Component
public class ReportFiledForwardUpcaster extends FieldAddedUpcaster {

    public ReportFiledForwardUpcaster() {
        super(ReportFiled.class, null, "2", "forward", JsonNodeFactory.instance.booleanNode(false));
    }
}
