package sa.tenhal.integrations.zatca;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * UBL 2.1 documents as ZATCA reads them: parsing (namespace aware, whitespace kept, no DTDs or external entities) and
 * the invoice hash of XML-STD BR-KSA-26 — the document without {@code ext:UBLExtensions}, {@code cac:Signature} and
 * the QR {@code cac:AdditionalDocumentReference}, canonicalised with C14N 1.1 (Apache Santuario), SHA-256, base64.
 */
public final class Ubl {

    public static final String INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    public static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    public static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    public static final String EXT = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";

    /** PIH of an EGS unit's first document: base64 of the hex text of SHA-256("0") (BR-KSA-26). */
    public static final String FIRST_PIH =
            "NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ==";

    private static final DocumentBuilderFactory FACTORY = factory();

    static {
        org.apache.xml.security.Init.init();
    }

    private Ubl() {}

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setExpandEntityReferences(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return factory;
    }

    /** A document that is not well-formed XML, or not a UBL invoice: says what is wrong and where. */
    public static class NotUbl extends RuntimeException {
        public NotUbl(String message) {
            super(message);
        }
    }

    /** Parses the exact bytes; throws {@link NotUbl} naming the line and column of the first error. */
    public static Document parse(byte[] xml) {
        if (xml == null || xml.length == 0) {
            throw new NotUbl("the document is empty");
        }
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            Document document = builder.parse(new ByteArrayInputStream(xml));
            Element root = document.getDocumentElement();
            if (!INVOICE.equals(root.getNamespaceURI()) || !"Invoice".equals(root.getLocalName())) {
                throw new NotUbl("the root element is {" + root.getNamespaceURI() + "}" + root.getLocalName()
                        + ", not a UBL 2.1 Invoice");
            }
            return document;
        } catch (SAXParseException e) {
            throw new NotUbl("not well-formed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + ": " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new NotUbl("not readable as XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The invoice hash (base64 of the 32 raw SHA-256 bytes) of the exact bytes of a document. */
    public static String hash(byte[] xml) {
        return hash(parse(xml));
    }

    /** The invoice hash of a parsed document; the document itself is left as it was. */
    public static String hash(Document document) {
        return Base64.getEncoder().encodeToString(sha256(canonicalWithoutSignature(document)));
    }

    static byte[] canonicalWithoutSignature(Document document) {
        Document copy = (Document) document.cloneNode(true);
        Element root = copy.getDocumentElement();
        for (Node child = root.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child instanceof Element element && removedFromHash(element)) {
                root.removeChild(element);
            }
            child = next;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N11_OMIT_COMMENTS)
                    .canonicalizeSubtree(copy, out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("C14N 1.1 failed", e);
        }
    }

    private static boolean removedFromHash(Element element) {
        String ns = element.getNamespaceURI();
        String name = element.getLocalName();
        if (EXT.equals(ns) && "UBLExtensions".equals(name)) {
            return true;
        }
        if (CAC.equals(ns) && "Signature".equals(name)) {
            return true;
        }
        return CAC.equals(ns)
                && "AdditionalDocumentReference".equals(name)
                && "QR".equals(childText(element, CBC, "ID"));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** base64 of the lowercase hex of SHA-256: the form of CertDigest and the SignedProperties digest. */
    static String base64OfHex(byte[] bytes) {
        return Base64.getEncoder()
                .encodeToString(java.util.HexFormat.of()
                        .formatHex(sha256(bytes))
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** The text of the first direct child with that name, or null. */
    static String childText(Element parent, String ns, String name) {
        Element child = child(parent, ns, name);
        return child == null ? null : child.getTextContent();
    }

    static Element child(Element parent, String ns, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** Follows a path of (namespace, name) steps through first children; null when a step is missing. */
    static Element path(Element from, String... nsAndNames) {
        Element at = from;
        for (int i = 0; i < nsAndNames.length && at != null; i += 2) {
            at = child(at, nsAndNames[i], nsAndNames[i + 1]);
        }
        return at;
    }

    static String pathText(Element from, String... nsAndNames) {
        Element e = path(from, nsAndNames);
        return e == null ? null : e.getTextContent();
    }

    /** The {@code cac:AdditionalDocumentReference} with that {@code cbc:ID} (ICV, PIH, QR), or null. */
    static Element additionalReference(Document document, String id) {
        Element root = document.getDocumentElement();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e
                    && CAC.equals(e.getNamespaceURI())
                    && "AdditionalDocumentReference".equals(e.getLocalName())
                    && id.equals(childText(e, CBC, "ID"))) {
                return e;
            }
        }
        return null;
    }
}
