package org.outdial.server.dialing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.outdial.csv.PhoneNormalizer;
import org.outdial.engine.PhoneFormat;

/** Phone numbers from desktops in E.164 by the importer's normalizer, read in the calling list's default country. */
final class DesktopPhones implements PhoneFormat {

    private final Map<String, PhoneNormalizer> byRegion = new ConcurrentHashMap<>();

    @Override
    public String toE164(String phone, String defaultRegion) {
        return byRegion.computeIfAbsent(defaultRegion, PhoneNormalizer::new).toE164(phone);
    }
}
