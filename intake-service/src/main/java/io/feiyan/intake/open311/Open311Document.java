package io.feiyan.intake.open311;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A GeoReport v2 response, written once and rendered as either of the spec's formats: JSON (objects
 * and arrays) or XML (the spec's element names, a list's items in elements of their own name).
 * Objects are ordered maps from the spec's field names to values; lists are {@link Items}. The body is
 * one of either: a list (services, requests, errors) or an object (a service definition).
 */
public record Open311Document(String rootElement, Object body) {

    /** A list, with the element name each item gets in XML (a request, a service, an attribute ...). */
    public record Items(String itemElement, List<?> items) {
        @JsonValue
        public List<?> items() {
            return items;
        }
    }

    public static Open311Document list(String rootElement, String itemElement, List<?> items) {
        return new Open311Document(rootElement, new Items(itemElement, items));
    }

    public static Open311Document object(String rootElement, Map<String, Object> body) {
        return new Open311Document(rootElement, body);
    }

    public String xml() {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            writeValue(xml, rootElement, body);
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write Open311 XML", e);
        }
    }

    private static void writeItems(XMLStreamWriter xml, Items items) throws XMLStreamException {
        for (Object item : items.items()) {
            writeValue(xml, items.itemElement(), item);
        }
    }

    private static void writeValue(XMLStreamWriter xml, String element, Object value) throws XMLStreamException {
        if (value instanceof Map<?, ?> object) {
            writeObject(xml, element, object);
        } else if (value instanceof Items items) {
            // a list is an element of its own holding one element per item
            xml.writeStartElement(element);
            writeItems(xml, items);
            xml.writeEndElement();
        } else if (value == null) {
            xml.writeEmptyElement(element);
        } else {
            xml.writeStartElement(element);
            xml.writeCharacters(value.toString());
            xml.writeEndElement();
        }
    }

    private static void writeObject(XMLStreamWriter xml, String element, Map<?, ?> object) throws XMLStreamException {
        xml.writeStartElement(element);
        for (Map.Entry<?, ?> field : object.entrySet()) {
            writeValue(xml, field.getKey().toString(), field.getValue());
        }
        xml.writeEndElement();
    }
}
