package org.gonghui.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The RPC signature against Alibaba Cloud's own published examples: the SendSms example of the SMS
 * documentation ("签名机制", help.aliyun.com/document_detail/56189) with its string to sign and
 * signature, and the DescribeRegions example of the RPC signature documentation.
 */
class AliyunSignatureTest {

    /** The SendSms example exactly as published (GET, AccessKey testId / testSecret). */
    static Map<String, String> sendSmsExample() {
        Map<String, String> p = new TreeMap<>();
        p.put("AccessKeyId", "testId");
        p.put("Action", "SendSms");
        p.put("Format", "XML");
        p.put("OutId", "123");
        p.put("PhoneNumbers", "15300000001");
        p.put("RegionId", "cn-hangzhou");
        p.put("SignName", "阿里云短信测试专用");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466");
        p.put("SignatureVersion", "1.0");
        p.put("TemplateCode", "SMS_71390007");
        p.put("TemplateParam", "{\"customer\":\"test\"}");
        p.put("Timestamp", "2017-07-12T02:42:19Z");
        p.put("Version", "2017-05-25");
        return p;
    }

    @Test
    void theSendSmsExampleGivesThePublishedStringToSign() {
        assertEquals("GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001"
                + "%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1"
                + "%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1"
                + "%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007"
                + "%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z"
                + "%26Version%3D2017-05-25", AliyunSignature.stringToSign("GET", sendSmsExample()));
    }

    @Test
    void theSendSmsExampleGivesThePublishedSignature() {
        assertEquals("zJDF+Lrzhj/ThnlvIToysFRq6t4=", AliyunSignature.sign(AliyunSignature.stringToSign("GET", sendSmsExample()), "testSecret"));
    }

    @Test
    void theRpcDocumentationExampleGivesItsPublishedSignature() {
        Map<String, String> p = new TreeMap<>();
        p.put("Format", "XML");
        p.put("AccessKeyId", "testid");
        p.put("Action", "DescribeRegions");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
        p.put("SignatureVersion", "1.0");
        p.put("Version", "2014-05-26");
        p.put("Timestamp", "2016-02-23T12:46:24Z");
        assertEquals("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", AliyunSignature.sign(AliyunSignature.stringToSign("GET", p), "testsecret"));
    }

    @Test
    void percentEncodingFollowsRfc3986AsAlibabaCloudWantsIt() {
        assertEquals("a%20b", AliyunSignature.percentEncode("a b"));
        assertEquals("%2A", AliyunSignature.percentEncode("*"));
        assertEquals("~-_.", AliyunSignature.percentEncode("~-_."));
        assertEquals("%2F%3D%26%2B", AliyunSignature.percentEncode("/=&+"));
        assertEquals("%E5%B7%A5%E4%BC%9A", AliyunSignature.percentEncode("工会"));
    }
}
