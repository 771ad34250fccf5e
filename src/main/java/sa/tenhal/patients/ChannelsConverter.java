package sa.tenhal.patients;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores contact channels as a comma-separated list, in a fixed order. */
@Converter
class ChannelsConverter implements AttributeConverter<Set<ContactChannel>, String> {

    @Override
    public String convertToDatabaseColumn(Set<ContactChannel> channels) {
        return channels == null
                ? ""
                : channels.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<ContactChannel> convertToEntityAttribute(String column) {
        EnumSet<ContactChannel> set = EnumSet.noneOf(ContactChannel.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(ContactChannel::valueOf).forEach(set::add);
        }
        return set;
    }
}
