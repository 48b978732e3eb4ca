package org.gonghui.roster;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The columns a roster may have; the header names them in Chinese or English, in any order. */
enum RosterColumn {
    NAME(true, "name", "姓名"),
    ID_NUMBER(true, "idNumber", "身份证号", "身份证号码", "公民身份号码"),
    PHONE(false, "phone", "手机号", "手机号码"),
    EMPLOYER_NAME(false, "employerName", "工作单位"),
    EMPLOYER_CREDIT_CODE(false, "employerCreditCode", "统一社会信用代码"),
    OCCUPATION(false, "occupation", "职业"),
    KEY_GROUPS(false, "keyGroups", "重点群体"),
    NEW_EMPLOYMENT_FORM(false, "newEmploymentForm", "新就业形态"),
    MIGRANT_WORKER(false, "migrantWorker", "农民工"),
    JOINED_ON(false, "joinedOn", "入会日期");

    final boolean required;
    final String english;
    final List<String> chinese;

    RosterColumn(boolean required, String english, String... chinese) {
        this.required = required;
        this.english = english;
        this.chinese = List.of(chinese);
    }

    /** Both names as the README and messages show them: 身份证号/idNumber. */
    String names() {
        return chinese.get(0) + "/" + english;
    }

    /** The column a header cell names: English case-insensitively, Chinese exactly (surrounding spaces ignored). */
    static Optional<RosterColumn> named(String header) {
        String h = header.strip();
        return Arrays.stream(values())
                .filter(c -> c.english.toLowerCase(Locale.ROOT).equals(h.toLowerCase(Locale.ROOT)) || c.chinese.contains(h))
                .findFirst();
    }
}
