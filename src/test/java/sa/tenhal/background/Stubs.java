package sa.tenhal.background;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The outside world for background-work tests, started once per test JVM: GreenMail as the SMTP server and WireMock as
 * Twilio, each on a free port of 127.0.0.1.
 */
public final class Stubs {

    public static final GreenMail SMTP;
    public static final WireMockServer TWILIO;

    static {
        SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        SMTP.start();
        TWILIO = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        TWILIO.start();
    }

    private Stubs() {}

    public static int smtpPort() {
        return SMTP.getSmtp().getPort();
    }
}
