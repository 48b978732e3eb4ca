import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gonghui.member.IdNumber;
import org.gonghui.member.KeyGroup;
import org.gonghui.member.PhoneNumber;
import org.gonghui.member.Sex;
import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Benchmark members: loads persons, memberships and each membership's initial history record over the
 * GRASSROOTS unions of a generated hierarchy, as the application itself would have written them: ID
 * numbers valid per GB 11643 (check character from IdNumber), ID numbers and phones encrypted and
 * hashed by the application's own PersonalData under the keys the application is started with, masked
 * by IdNumber/PhoneNumber. Every attribute is drawn from one seeded random stream, so a seed gives the
 * same people on every run; only the ciphertexts differ (AES-GCM takes a fresh random nonce each time).
 *
 * Run by bench/run.sh with the Java source launcher against the packaged application's classes:
 *
 *   java -Xmx1g -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' bench/GenerateMembers.java \
 *        JDBC_URL USER MEMBERS SEED [AS_OF]
 *
 * AS_OF (YYYY-MM-DD, default today in Asia/Shanghai) is the day the data is dated to: members joined
 * during the HISTORY_MONTHS (24) months before it, so statistics "as of" a year back and monthly trends
 * have something to show. The same seed and AS_OF give the same people.
 * Keys: GONGHUI_PERSONAL_DATA_ENCRYPTION_KEYS, GONGHUI_PERSONAL_DATA_ACTIVE_KEY, GONGHUI_PERSONAL_DATA_HASH_KEY.
 * The three tables must be empty; they are filled with COPY ... FREEZE in one transaction and analyzed.
 *
 * Memory stays bounded at millions of members: the members are drawn twice from the same seed, once to
 * learn the join days (card numbers are issued in join order) and once to write them, a few thousand at
 * a time; person rows go straight to COPY, membership and history rows to two temporary files (about
 * 450 bytes per member in all, under java.io.tmpdir) that are copied after. 5,000,000 members fit in
 * -Xmx1g (the ID-number and phone de-duplication sets are primitive: 2 x 128 MiB).
 *
 * Statistics: membership has a row trigger (membership_tally) that writes the statistics ledger for every
 * row; bench/run.sh disables it while loading and rebuilds the statistics afterwards
 * (select gonghui_stat_rebuild()). The generator logs whether it was enabled.
 */
public class GenerateMembers {

    /** Everything is dated as of this day (argument AS_OF, default today in Asia/Shanghai). */
    static LocalDate AS_OF;
    /** Members joined (and applied) within this many months before AS_OF. */
    static final int HISTORY_MONTHS = 24;
    static final LocalDate BORN_FROM = LocalDate.of(1960, 1, 1);
    static final LocalDate BORN_TO = LocalDate.of(2005, 12, 31);
    /** Ids and card numbers of the demo data lie below these; the application's sequences continue above. */
    static final long FIRST_ID = 100_000_001L;
    static final long FIRST_CARD = 1_001L;
    static final int CHUNK = 5_000;
    static final String ACTOR = "bench-generator";

    // --- Surnames with their approximate share of the population (%), the ~100 most common
    // (Institute of Genetics and Developmental Biology, CAS, 2006 survey), plus two compound surnames.
    static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
        "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕",
        "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜",
        "范", "方", "石", "姚", "谭", "廖", "邹", "熊", "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "江", "史",
        "顾", "侯", "邵", "孟", "龙", "万", "段", "雷", "钱", "汤", "尹", "黎", "易", "常", "武", "乔", "贺", "赖", "龚", "文",
        "欧阳", "司马" };
    static final double[] SURNAME_SHARES = {
        7.25, 7.19, 6.79, 5.38, 4.53, 3.08, 2.29, 2.23, 2.12, 2.05, 1.67, 1.54, 1.31, 1.26, 1.21, 1.18, 1.17, 1.15, 1.05, 0.86,
        0.84, 0.81, 0.78, 0.72, 0.68, 0.65, 0.64, 0.62, 0.61, 0.59, 0.57, 0.57, 0.54, 0.54, 0.54, 0.51, 0.50, 0.50, 0.49, 0.47,
        0.46, 0.46, 0.46, 0.44, 0.41, 0.41, 0.40, 0.39, 0.39, 0.38, 0.37, 0.36, 0.35, 0.34, 0.34, 0.33, 0.33, 0.32, 0.32, 0.31,
        0.31, 0.30, 0.29, 0.28, 0.27, 0.27, 0.26, 0.26, 0.25, 0.25, 0.24, 0.24, 0.23, 0.23, 0.22, 0.22, 0.22, 0.21, 0.21, 0.21,
        0.20, 0.20, 0.20, 0.19, 0.18, 0.18, 0.17, 0.16, 0.16, 0.16, 0.16, 0.15, 0.15, 0.15, 0.15, 0.14, 0.14, 0.14, 0.14, 0.13,
        0.02, 0.01 };

    // Given-name characters, most popular first (drawn with Zipf-like weights, so 伟, 芳, 娜, 敏 and 静 lead,
    // as in the real name statistics). Neutral characters appear in both lists.
    static final String MALE_CHARS =
        "伟强磊军勇杰涛明超刚平辉鹏华飞斌波宇浩凯健俊帆帅旭宁龙林峰建国东亮成文博志海鑫森斌鸿毅洋锋彬振新兵晨"
        + "阳永春生贵福祥荣庆德胜利江涛坤山松源鹤瑞翔泽宏晖彪鑫昊然晗轩睿哲翰铭皓楠逸浩嘉朗宸航远卫红光"
        + "学忠武元全兴发才进茂有坚和彬诚先敬震振壮会思群豪心邦承乐绍功善厚民友裕河政谦亨奇固之轮伯言若"
        + "鸣朋梁栋维启克伦士以家致树炎行时泰盛雄琛钧冠策腾榕风弘";
    static final String FEMALE_CHARS =
        "芳娜敏静丽艳娟霞秀英华玲桂兰燕萍红梅琳洁雪婷倩颖慧玉莉凤云萍欣悦琪晶璐瑶怡佳雯馨蕾薇楠丹璇月琴"
        + "淑惠珠翠雅芝娥彩春菊莲真环爱妹香媛瑞凡嘉琼勤珍贞娣叶璧娅琦妍茜秋珊莎锦黛青姣婉娴瑾露婵雁蓓仪"
        + "荷蓉眉君蕊菁梦岚苑婕瑗琰韵融园艺咏卿聪澜纯毓昭冰爽琬茗羽希宁飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒"
        + "伊亚宜可舒影荔枝阳妮宝贝初";
    static final int[] MALE = MALE_CHARS.codePoints().distinct().toArray();
    static final int[] FEMALE = FEMALE_CHARS.codePoints().distinct().toArray();

    // Mobile number segments in use (1[3-9]x).
    static final int[] PHONE_PREFIXES = { 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 145, 147, 150, 151, 152, 153, 155,
        156, 157, 158, 159, 166, 170, 171, 173, 175, 176, 177, 178, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 191, 193,
        195, 196, 197, 198, 199 };

    /** Provinces that send most migrant workers (weighted up as home regions of migrants). */
    static final Set<Integer> LABOUR_EXPORTING = Set.of(34, 36, 41, 42, 43, 45, 50, 51, 52, 53, 62);

    /** Small employers of members of community and joint unions, after the union's place name. */
    static final String[] SMALL_EMPLOYERS = { "便利店", "汽车修理部", "餐馆", "理发店", "装饰工程部", "药店", "超市", "五金店", "文印店",
        "洗衣店" };

    static final KeyGroup[] GROUPS = KeyGroup.values();

    /** A grassroots union as the generator needs it. */
    record Union(long id, String kind, String employer, String creditCode, LocalDate established, int county, int province,
            String trade, String place) {
    }

    /** One generated member: person and membership. */
    static final class Member {
        int union;
        String name;
        IdNumber idNumber;
        String phone;
        String status;
        boolean provisional;
        long card;
        LocalDate joinedOn;
        LocalDateTime createdAt;
        LocalDateTime statusChangedAt;
        String employer;
        String creditCode;
        String occupation;
        int keyGroups; // bit mask over KeyGroup ordinals
        boolean newForm;
        boolean migrant;
        String statusReason;
        String applicant;
        byte[] idHash;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 5) {
            System.err.println("usage: GenerateMembers JDBC_URL USER MEMBERS SEED [AS_OF]");
            System.exit(2);
        }
        String url = args[0];
        String user = args[1];
        int count = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        AS_OF = args.length == 5 && !args[4].isBlank() ? LocalDate.parse(args[4]) : LocalDate.now(ZoneId.of("Asia/Shanghai"));
        PersonalData personalData = new PersonalData(env("GONGHUI_PERSONAL_DATA_ENCRYPTION_KEYS"),
                env("GONGHUI_PERSONAL_DATA_ACTIVE_KEY"), env("GONGHUI_PERSONAL_DATA_HASH_KEY"));
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, user, System.getenv().getOrDefault("PGPASSWORD", ""))) {
            List<Union> unions = loadUnions(db);
            Map<Integer, int[]> countiesByProvince = loadCounties(db);
            if (unions.isEmpty() || countiesByProvince.isEmpty()) {
                throw new IllegalStateException("no grassroots unions or counties: load bench/generate_hierarchy.sql first");
            }
            long t0 = System.nanoTime();
            // First draw: only the join days are kept, to number the cards in the order they were issued.
            int[] cards = new Generator(new SplittableRandom(seed), unions, countiesByProvince, count).cardOffsets();
            log("drew %,d members over %,d grassroots unions in %.1f s (as of %s, joins since %s): card order known", count,
                    unions.size(), seconds(t0), AS_OF, AS_OF.minusMonths(HISTORY_MONTHS));
            // Second draw, the same people again, written out chunk by chunk.
            Generator generator = new Generator(new SplittableRandom(seed), unions, countiesByProvince, count);
            Tally tally = load(db, generator, cards, unions, personalData);
            verify(db, count, tally, personalData);
        }
        log("done in %.1f s", seconds(started));
    }

    // --- reading the hierarchy

    static List<Union> loadUnions(Connection db) throws SQLException {
        // The region of a grassroots union is its own code or that of the nearest union above with one.
        String sql = """
                select u.id, u.kind, u.host_employer_name, u.host_employer_credit_code, u.established_on,
                       coalesce(u.region_code, (select a.region_code from trade_union a
                                                 where a.id = any(string_to_array(btrim(u.path, '/'), '/')::bigint[])
                                                   and a.region_code is not null
                                                 order by length(a.path) desc limit 1)) as region,
                       coalesce(u.short_name, u.name) as name
                  from trade_union u
                 where u.level = 'GRASSROOTS' and u.status = 'ACTIVE'
                 order by u.id""";
        List<Union> unions = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String region = rs.getString("region");
                if (region == null || region.length() != 6) {
                    continue; // no region to take ID numbers from; not the case in the generated hierarchy
                }
                int code = Integer.parseInt(region);
                String employer = rs.getString("host_employer_name");
                unions.add(new Union(rs.getLong("id"), rs.getString("kind"), employer, rs.getString("host_employer_credit_code"),
                        rs.getDate("established_on").toLocalDate(), code, code / 10000, trade(employer),
                        placeOf(rs.getString("name"))));
            }
        }
        return unions;
    }

    static Map<Integer, int[]> loadCounties(Connection db) throws SQLException {
        Map<Integer, List<Integer>> lists = new HashMap<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select region_code from trade_union where level = 'COUNTY' and region_code is not null order by region_code")) {
            while (rs.next()) {
                int code = Integer.parseInt(rs.getString(1));
                lists.computeIfAbsent(code / 10000, k -> new ArrayList<>()).add(code);
            }
        }
        Map<Integer, int[]> result = new HashMap<>();
        lists.forEach((province, codes) -> result.put(province, codes.stream().mapToInt(Integer::intValue).toArray()));
        return result;
    }

    /** The trade of an enterprise from its generated name (…物流有限公司 → 物流). */
    static String trade(String employer) {
        if (employer == null) {
            return "";
        }
        for (String t : new String[] { "物业服务", "汽车零部件", "建筑工程", "餐饮管理", "新能源", "科技", "物流", "建材", "食品", "机械",
            "电子", "纺织", "商贸", "化工", "医药", "环保" }) {
            if (employer.contains(t)) {
                return t;
            }
        }
        return "";
    }

    /** Two characters of the union's name to name small local employers after. */
    static String placeOf(String name) {
        return name.codePointCount(0, name.length()) >= 2 ? name.substring(0, name.offsetByCodePoints(0, 2)) : name;
    }

    // --- drawing the members

    /** All random choices, in one fixed order from one seeded stream. */
    static final class Generator {
        final SplittableRandom rnd;
        final List<Union> unions;
        final Map<Integer, int[]> countiesByProvince;
        final int[] allCounties;
        final int[] migrantHomeProvinces;
        final double[] surnameCdf;
        final double[] maleCdf;
        final double[] femaleCdf;
        final LongSet ids;
        final LongSet phones;
        final int count;
        int[] slots;
        int next;

        Generator(SplittableRandom rnd, List<Union> unions, Map<Integer, int[]> countiesByProvince, int count) {
            this.rnd = rnd;
            this.unions = unions;
            this.countiesByProvince = countiesByProvince;
            this.allCounties = countiesByProvince.values().stream().flatMapToInt(Arrays::stream).sorted().toArray();
            List<Integer> homes = new ArrayList<>();
            countiesByProvince.keySet().stream().sorted().forEach(p -> {
                for (int i = 0; i < (LABOUR_EXPORTING.contains(p) ? 4 : 1); i++) {
                    homes.add(p);
                }
            });
            this.migrantHomeProvinces = homes.stream().mapToInt(Integer::intValue).toArray();
            this.surnameCdf = cdf(SURNAME_SHARES);
            this.maleCdf = cdf(zipf(MALE.length));
            this.femaleCdf = cdf(zipf(FEMALE.length));
            this.count = count;
            this.ids = new LongSet(count);
            this.phones = new LongSet(count);
            int[] perUnion = sizes(count);
            // One slot per member, shuffled: membership ids follow registration order across the whole
            // country, not the tree order of unions (a county's members are spread over the id range).
            slots = new int[count];
            for (int u = 0, k = 0; u < perUnion.length; u++) {
                for (int j = 0; j < perUnion[u]; j++) {
                    slots[k++] = u;
                }
            }
            for (int i = count - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = slots[i];
                slots[i] = slots[j];
                slots[j] = t;
            }
        }

        boolean hasNext() {
            return next < count;
        }

        /** The next member, in membership id order; its card field is -1 if it holds a card (numbered later). */
        Member next() {
            return member(slots[next++]);
        }

        /**
         * Draws everyone and returns, per member, 0 (no card) or 1 + the position of its card in issue
         * order (join day, then id): GH000000001001 for the first issued.
         */
        int[] cardOffsets() {
            long[] keys = new long[count];
            int carded = 0;
            while (hasNext()) {
                int i = next;
                Member m = next();
                if (m.card == -1) {
                    keys[carded++] = (m.joinedOn.toEpochDay() << 32) | i;
                }
            }
            keys = Arrays.copyOf(keys, carded);
            Arrays.sort(keys);
            int[] offsets = new int[count];
            for (int k = 0; k < carded; k++) {
                offsets[(int) (keys[k] & 0xFFFF_FFFFL)] = k + 1;
            }
            return offsets;
        }

        /** Members per union: log-normal sizes (a few large enterprises, many small unions), 3% with none. */
        int[] sizes(int count) {
            double[] weights = new double[unions.size()];
            double sum = 0;
            for (int u = 0; u < weights.length; u++) {
                Union union = unions.get(u);
                double sigma = union.kind().equals("ENTERPRISE") ? 1.1 : 0.8;
                double scale = union.kind().equals("COMMUNITY") ? 0.8 : 1.0;
                double w = rnd.nextDouble() < 0.03 ? 0 : scale * Math.exp(sigma * rnd.nextGaussian());
                weights[u] = w;
                sum += w;
            }
            int[] sizes = new int[weights.length];
            double[] remainders = new double[weights.length];
            int assigned = 0;
            for (int u = 0; u < weights.length; u++) {
                double exact = count * weights[u] / sum;
                sizes[u] = (int) exact;
                remainders[u] = exact - sizes[u];
                assigned += sizes[u];
            }
            // Largest remainders first, ties by position: exactly `count` in all.
            Integer[] order = new Integer[weights.length];
            for (int u = 0; u < order.length; u++) {
                order[u] = u;
            }
            Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : remainders[a] != remainders[b] ? Double.compare(remainders[b], remainders[a]) : Integer.compare(a, b));
            for (int k = 0; assigned < count; k++, assigned++) {
                sizes[order[k % order.length]]++;
            }
            return sizes;
        }

        Member member(int unionIndex) {
            Union u = unions.get(unionIndex);
            Member m = new Member();
            m.union = unionIndex;
            boolean community = u.kind().equals("COMMUNITY");
            boolean joint = u.kind().equals("JOINT");

            // New employment forms: platform riders, couriers and drivers, mostly absorbed by community
            // and joint unions; in enterprises mainly in logistics and catering.
            double pNewForm = community ? 0.25 : joint ? 0.20
                    : switch (u.trade()) {
                        case "物流" -> 0.25;
                        case "餐饮管理" -> 0.15;
                        default -> 0.03;
                    };
            m.newForm = rnd.nextDouble() < pNewForm;
            KeyGroup group = m.newForm ? newFormGroup(u) : otherGroup(u, community, joint);
            if (group != null) {
                m.keyGroups = 1 << group.ordinal();
                if (group == KeyGroup.FOOD_DELIVERY_RIDER && rnd.nextDouble() < 0.05) {
                    m.keyGroups |= 1 << KeyGroup.COURIER.ordinal(); // riders who also deliver parcels
                }
            }
            double pMigrant = switch (group == null ? "" : group.name()) {
                case "FOOD_DELIVERY_RIDER", "COURIER", "TRUCK_DRIVER", "DOMESTIC_WORKER", "RIDE_HAILING_DRIVER" -> 0.45;
                case "SECURITY_GUARD", "CARE_WORKER" -> 0.35;
                default -> switch (u.trade()) {
                    case "建筑工程", "物流", "餐饮管理", "纺织", "食品" -> 0.30;
                    case "科技", "医药", "新能源" -> 0.05;
                    default -> 0.14;
                };
            };
            m.migrant = rnd.nextDouble() < pMigrant;

            double pMale = switch (group == null ? "" : group.name()) {
                case "TRUCK_DRIVER" -> 0.97;
                case "RIDE_HAILING_DRIVER" -> 0.92;
                case "FOOD_DELIVERY_RIDER", "SECURITY_GUARD" -> 0.90;
                case "COURIER" -> 0.85;
                case "REAL_ESTATE_AGENT" -> 0.55;
                case "MALL_INFO_STAFF" -> 0.35;
                case "CARE_WORKER" -> 0.25;
                case "DOMESTIC_WORKER" -> 0.08;
                default -> switch (u.trade()) {
                    case "建筑工程", "机械", "化工", "汽车零部件" -> 0.80;
                    case "纺织", "医药", "食品" -> 0.40;
                    default -> 0.55;
                };
            };
            boolean male = rnd.nextDouble() < pMale;

            // Status first: retirees (RETAINED) are the older members.
            double s = rnd.nextDouble();
            boolean provisionalUnion = community || joint;
            if (s < 0.05) {
                m.status = "RETAINED";
            } else if (s < 0.07) {
                m.status = "PENDING";
            } else if (s < 0.085) {
                m.status = "WITHDRAWN"; // an application its applicant took back: no card
            } else if (s < 0.10) {
                m.status = "WITHDRAWN"; // a member who left: card and join date kept
                m.card = -1;
            } else if (provisionalUnion && s < 0.18) {
                m.status = "PROVISIONAL";
            } else {
                m.status = "ACTIVE";
            }
            boolean retired = m.status.equals("RETAINED") && rnd.nextDouble() < 0.7;

            LocalDate birth = birthDate(group, retired, male);
            int region = m.migrant ? migrantHome(u) : rnd.nextDouble() < 0.75 ? u.county() : sameProvince(u);
            m.idNumber = idNumber(region, birth, male);
            m.name = name(male, birth);
            m.phone = rnd.nextDouble() < (retired ? 0.90 : 0.985) ? phone() : null;

            // Employer and occupation.
            if (u.employer() != null) {
                m.employer = u.employer();
                m.creditCode = u.creditCode();
            } else if (group != null) {
                String[] employers = employersOf(group);
                m.employer = u.place() + employers[rnd.nextInt(employers.length)];
            } else {
                m.employer = u.place() + SMALL_EMPLOYERS[rnd.nextInt(SMALL_EMPLOYERS.length)];
            }
            m.occupation = group != null ? group.label() : occupation(u);

            // Dates: joining needs the union to exist and the person to be 18; everyone joined (or applied)
            // within the last HISTORY_MONTHS months.
            LocalDate earliest = max(max(u.established(), birth.plusYears(18)), AS_OF.minusMonths(HISTORY_MONTHS));
            earliest = min(earliest, AS_OF.minusDays(90));
            switch (m.status) {
                case "PENDING" -> {
                    m.createdAt = at(AS_OF.minusDays(rnd.nextInt(60)));
                    m.statusChangedAt = m.createdAt;
                    m.provisional = provisionalUnion && rnd.nextDouble() < 0.3;
                }
                case "WITHDRAWN" -> {
                    if (m.card == -1) {
                        m.joinedOn = between(earliest, AS_OF.minusDays(60));
                        m.createdAt = at(m.joinedOn.minusDays(1 + rnd.nextInt(20)));
                        m.statusChangedAt = at(between(m.joinedOn.plusDays(30), AS_OF));
                        m.statusReason = rnd.nextDouble() < 0.6 ? "调离本单位" : "本人申请退会";
                    } else {
                        LocalDate applied = between(earliest, AS_OF.minusDays(10));
                        m.createdAt = at(applied);
                        m.statusChangedAt = at(applied.plusDays(1 + rnd.nextInt(9)));
                        m.statusReason = "本人撤回申请";
                    }
                }
                default -> {
                    m.joinedOn = joinDate(earliest);
                    m.createdAt = at(m.joinedOn.minusDays(1 + rnd.nextInt(20)));
                    m.statusChangedAt = at(m.joinedOn);
                    m.card = -1;
                    m.provisional = m.status.equals("PROVISIONAL");
                    if (m.status.equals("RETAINED")) {
                        LocalDate from = retired ? max(m.joinedOn.plusDays(1), birth.plusYears(male ? 60 : 50)) : m.joinedOn.plusDays(30);
                        m.statusChangedAt = at(between(min(from, AS_OF.minusDays(1)), AS_OF));
                        m.statusReason = retired ? "退休" : "失业, 保留会籍";
                    }
                }
            }
            // Applications made through the member's own login (an OIDC subject); the others by an official.
            if ((m.status.equals("PENDING") || m.card == 0) && rnd.nextDouble() < 0.5) {
                m.applicant = new java.util.UUID(rnd.nextLong(), rnd.nextLong()).toString();
            }
            return m;
        }

        /** Where workers of a key group outside enterprise unions work: platforms' local stations and small firms. */
        static String[] employersOf(KeyGroup group) {
            return switch (group) {
                case FOOD_DELIVERY_RIDER -> new String[] { "美团外卖配送站", "饿了么配送站" };
                case COURIER -> new String[] { "顺丰速运营业部", "中通快递网点", "圆通速递网点", "京东物流站点", "快递驿站" };
                case RIDE_HAILING_DRIVER -> new String[] { "滴滴出行合作车队", "曹操出行合作车队" };
                case TRUCK_DRIVER -> new String[] { "货拉拉合作车队", "物流货运部" };
                case DOMESTIC_WORKER -> new String[] { "家政服务部", "58到家家政服务站" };
                case REAL_ESTATE_AGENT -> new String[] { "房产经纪有限公司", "房屋中介服务部" };
                case CARE_WORKER -> new String[] { "养老服务中心", "护理院" };
                case SECURITY_GUARD -> new String[] { "保安服务有限公司", "物业管理处" };
                case MALL_INFO_STAFF -> new String[] { "购物中心", "百货商场" };
            };
        }

        KeyGroup newFormGroup(Union u) {
            if (rnd.nextDouble() >= 0.88) {
                return null; // e.g. live-streamers, freelance designers: new form, no key group
            }
            double r = rnd.nextDouble();
            return switch (u.trade()) {
                case "物流" -> r < 0.5 ? KeyGroup.COURIER : r < 0.85 ? KeyGroup.TRUCK_DRIVER : KeyGroup.FOOD_DELIVERY_RIDER;
                case "餐饮管理" -> r < 0.85 ? KeyGroup.FOOD_DELIVERY_RIDER : KeyGroup.COURIER;
                default -> r < 0.30 ? KeyGroup.FOOD_DELIVERY_RIDER : r < 0.55 ? KeyGroup.COURIER : r < 0.73 ? KeyGroup.RIDE_HAILING_DRIVER
                        : r < 0.88 ? KeyGroup.TRUCK_DRIVER : KeyGroup.DOMESTIC_WORKER;
            };
        }

        KeyGroup otherGroup(Union u, boolean community, boolean joint) {
            double r = rnd.nextDouble();
            if (community || joint) {
                return r < 0.05 ? KeyGroup.REAL_ESTATE_AGENT : r < 0.09 ? KeyGroup.DOMESTIC_WORKER : r < 0.12 ? KeyGroup.CARE_WORKER
                        : r < 0.14 ? KeyGroup.SECURITY_GUARD : r < 0.16 ? KeyGroup.COURIER : null;
            }
            return switch (u.trade()) {
                case "物业服务" -> r < 0.35 ? KeyGroup.SECURITY_GUARD : null;
                case "商贸" -> r < 0.25 ? KeyGroup.MALL_INFO_STAFF : null;
                case "物流" -> r < 0.20 ? KeyGroup.TRUCK_DRIVER : r < 0.30 ? KeyGroup.COURIER : null;
                case "医药" -> r < 0.15 ? KeyGroup.CARE_WORKER : null;
                default -> r < 0.015 ? KeyGroup.SECURITY_GUARD : r < 0.025 ? KeyGroup.TRUCK_DRIVER : null;
            };
        }

        LocalDate birthDate(KeyGroup group, boolean retired, boolean male) {
            int year;
            if (retired) {
                year = 1960 + rnd.nextInt(male ? 6 : 16);
            } else {
                boolean young = group == KeyGroup.FOOD_DELIVERY_RIDER || group == KeyGroup.COURIER || group == KeyGroup.RIDE_HAILING_DRIVER
                        || group == KeyGroup.MALL_INFO_STAFF;
                double mean = young ? 1992 : group == KeyGroup.DOMESTIC_WORKER || group == KeyGroup.CARE_WORKER ? 1975 : 1985;
                year = (int) Math.round(mean + (young ? 7 : 9) * rnd.nextGaussian());
                year = Math.max(1960, Math.min(2005, year));
            }
            LocalDate birth = LocalDate.of(year, 1, 1).plusDays(rnd.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
            return min(max(birth, BORN_FROM), BORN_TO);
        }

        int migrantHome(Union u) {
            for (int attempt = 0; attempt < 10; attempt++) {
                int province = migrantHomeProvinces[rnd.nextInt(migrantHomeProvinces.length)];
                if (province != u.province() || attempt == 9) {
                    int[] counties = countiesByProvince.get(province);
                    return counties[rnd.nextInt(counties.length)];
                }
            }
            throw new AssertionError();
        }

        int sameProvince(Union u) {
            int[] counties = countiesByProvince.getOrDefault(u.province(), allCounties);
            return counties[rnd.nextInt(counties.length)];
        }

        /** A valid ID number not drawn before: region, birth date, sequence (odd 17th digit for men), check character. */
        IdNumber idNumber(int region, LocalDate birth, boolean male) {
            while (true) {
                int seq = rnd.nextInt(100) * 10 + 2 * rnd.nextInt(5) + (male ? 1 : 0);
                long first17 = (region * 100_000_000L + birth.getYear() * 10_000L + birth.getMonthValue() * 100L + birth.getDayOfMonth()) * 1000L + seq;
                if (ids.add(first17)) {
                    String digits = String.format("%017d", first17);
                    IdNumber.Result parsed = IdNumber.parse(digits + IdNumber.checkCharacter(digits), AS_OF);
                    IdNumber id = parsed.id().orElseThrow(() -> new IllegalStateException(digits + ": " + parsed.problem().message()));
                    if (id.sex() != (male ? Sex.MALE : Sex.FEMALE) || !id.birthDate().equals(birth)) {
                        throw new IllegalStateException("ID number " + digits + " does not carry the drawn sex and birth date");
                    }
                    return id;
                }
            }
        }

        String phone() {
            while (true) {
                long number = PHONE_PREFIXES[rnd.nextInt(PHONE_PREFIXES.length)] * 100_000_000L + rnd.nextInt(100_000_000);
                if (phones.add(number)) {
                    PhoneNumber phone = PhoneNumber.parse(Long.toString(number));
                    if (phone == null) {
                        throw new IllegalStateException(number + " is not a mobile number");
                    }
                    return phone.value();
                }
            }
        }

        /** Surname by real frequency; a one-character given name for about a third, else two characters. */
        String name(boolean male, LocalDate birth) {
            String surname = SURNAMES[pick(surnameCdf)];
            int[] chars = male ? MALE : FEMALE;
            double[] weights = male ? maleCdf : femaleCdf;
            StringBuilder name = new StringBuilder(surname).appendCodePoint(chars[pick(weights)]);
            // One-character given names were most common among people born in the 1980s and 1990s.
            double pSingle = birth.getYear() >= 1978 && birth.getYear() < 2000 ? 0.38 : 0.27;
            if (rnd.nextDouble() >= pSingle) {
                int second;
                do {
                    second = chars[pick(weights)];
                } while (second == name.codePointBefore(name.length()) && (male || rnd.nextDouble() < 0.8));
                name.appendCodePoint(second);
            }
            return name.toString();
        }

        String occupation(Union u) {
            String[] choices = switch (u.trade()) {
                case "物流" -> new String[] { "仓储管理员", "装卸工", "调度员", "叉车司机" };
                case "科技", "电子" -> new String[] { "软件工程师", "技术员", "测试工程师", "产品经理" };
                case "建材", "机械", "纺织", "化工", "汽车零部件", "新能源", "环保", "食品" -> new String[] { "操作工", "技术员", "质检员", "班组长", "设备维修工" };
                case "物业服务" -> new String[] { "保洁员", "维修工", "客服专员" };
                case "商贸" -> new String[] { "营业员", "收银员", "采购员" };
                case "医药" -> new String[] { "药剂员", "医药代表", "质检员" };
                case "建筑工程" -> new String[] { "钢筋工", "木工", "施工员", "电焊工" };
                case "餐饮管理" -> new String[] { "厨师", "服务员", "面点师" };
                default -> new String[] { "营业员", "店员", "维修工", "厨师", "理发师", "保洁员" };
            };
            double r = rnd.nextDouble();
            return r < 0.08 ? "会计" : r < 0.15 ? "行政管理人员" : r < 0.20 ? "驾驶员" : choices[rnd.nextInt(choices.length)];
        }

        /**
         * A join day between the earliest possible day and AS_OF: more in the spring and autumn enrolment
         * campaigns (集中入会, March-May and September, November), few around the Spring Festival (February),
         * and growing over the period (half as many again at its end as at its start).
         */
        LocalDate joinDate(LocalDate earliest) {
            long span = AS_OF.toEpochDay() - earliest.toEpochDay();
            long windowStart = AS_OF.minusMonths(HISTORY_MONTHS).toEpochDay();
            double window = AS_OF.toEpochDay() - windowStart;
            while (true) {
                LocalDate day = earliest.plusDays(rnd.nextLong(span + 1));
                double trend = 1 + 0.5 * Math.max(0, day.toEpochDay() - windowStart) / window;
                if (rnd.nextDouble() * 1.5 * 1.5 < MONTH_WEIGHTS[day.getMonthValue() - 1] * trend) {
                    return day;
                }
            }
        }

        static final double[] MONTH_WEIGHTS = { 0.9, 0.5, 1.3, 1.5, 1.4, 1.0, 0.9, 0.9, 1.2, 1.0, 1.3, 1.1 };

        LocalDate between(LocalDate from, LocalDate to) {
            if (!to.isAfter(from)) {
                return from;
            }
            return from.plusDays(rnd.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
        }

        LocalDateTime at(LocalDate day) {
            return day.atTime(8 + rnd.nextInt(10), rnd.nextInt(60), rnd.nextInt(60));
        }

        int pick(double[] cdf) {
            int i = Arrays.binarySearch(cdf, rnd.nextDouble() * cdf[cdf.length - 1]);
            return Math.min(i < 0 ? -i - 1 : i, cdf.length - 1);
        }
    }

    /** Weights 1/(rank + 30): the first character about 2% of draws, so 张伟 and 王伟 lead at a few in 10,000 people, as they do in China. */
    static double[] zipf(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1.0 / (i + 30);
        }
        return w;
    }

    static double[] cdf(double[] weights) {
        double[] cdf = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cdf[i] = sum;
        }
        return cdf;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    // --- loading

    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What was written: sample members to read back, and the shares to log. */
    static final class Tally {
        final Map<Integer, Member> samples = new HashMap<>();
        final Map<String, Integer> byStatus = new java.util.TreeMap<>();
        int grouped;
        int newForm;
        int migrant;
        int twoChar;
        LocalDate firstJoin;
        LocalDate lastJoin;

        void add(Member m) {
            byStatus.merge(m.status, 1, Integer::sum);
            grouped += m.keyGroups != 0 ? 1 : 0;
            newForm += m.newForm ? 1 : 0;
            migrant += m.migrant ? 1 : 0;
            twoChar += m.name.codePointCount(0, m.name.length()) == 2 ? 1 : 0;
            if (m.joinedOn != null) {
                firstJoin = firstJoin == null ? m.joinedOn : min(firstJoin, m.joinedOn);
                lastJoin = lastJoin == null ? m.joinedOn : max(lastJoin, m.joinedOn);
            }
        }
    }

    /** One chunk of members with its three encoded parts (person, membership, membership_event rows). */
    record Encoded(byte[] person, byte[] membership, byte[] event) {
    }

    static Tally load(Connection db, Generator generator, int[] cards, List<Union> unions, PersonalData personalData) throws Exception {
        int count = generator.count;
        db.setAutoCommit(false);
        try (Statement st = db.createStatement()) {
            // The three tables and every table that refers to them, directly or not (transfers, program
            // beneficiaries...): all must be empty, and are truncated together in this transaction so that
            // COPY can write the rows frozen and all-visible (no VACUUM needed before index-only scans).
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("""
                    with recursive refs (rel) as (
                        select unnest(array['person'::regclass, 'membership'::regclass, 'membership_event'::regclass])
                        union
                        select c.conrelid::regclass from pg_constraint c join refs r on c.confrelid = r.rel where c.contype = 'f')
                    select rel::text from refs order by 1""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("select exists (select 1 from " + table + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        throw new IllegalStateException(table + " is not empty: the generator loads into a fresh bench database only");
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("""
                    select string_agg(tgname, ', ') from pg_trigger
                     where tgrelid = 'membership'::regclass and not tgisinternal and tgenabled <> 'D'""")) {
                rs.next();
                log(rs.getString(1) == null ? "membership has no enabled triggers: statistics must be rebuilt after the load (select gonghui_stat_rebuild())"
                        : "membership triggers enabled: %s (every row also writes the statistics ledger; bench/run.sh disables them while loading)",
                        rs.getString(1));
            }
            st.execute("truncate " + String.join(", ", tables));
            st.execute("set local synchronous_commit = off");
        }
        // Foreign keys are checked once per table after loading (as ALTER TABLE ... ADD CONSTRAINT validates
        // them: one join) instead of once per row; same names and definitions as the migrations made them.
        List<String[]> foreignKeys = new ArrayList<>();
        try (Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("""
                    select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint
                     where contype = 'f' and conrelid in ('membership'::regclass, 'membership_event'::regclass) order by 1, 2""")) {
                while (rs.next()) {
                    foreignKeys.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
                }
            }
            for (String[] fk : foreignKeys) {
                st.execute("alter table " + fk[0] + " drop constraint " + fk[1]);
            }
        }
        // Indexes that back no constraint (the name searches' btree and GIN, the partial unique indexes, the
        // union and person look-ups) are built once after loading instead of row by row: a bulk GIN build is
        // many times faster than millions of insertions. Same definitions as the migrations made them.
        List<String[]> indexes = new ArrayList<>();
        try (Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("""
                    select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
                     where i.indrelid in ('person'::regclass, 'membership'::regclass, 'membership_event'::regclass)
                       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                     order by 1""")) {
                while (rs.next()) {
                    indexes.add(new String[] { rs.getString(1), rs.getString(2) });
                }
            }
            for (String[] index : indexes) {
                st.execute("drop index " + index[0]);
            }
        }
        PGConnection pg = db.unwrap(PGConnection.class);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Tally tally = new Tally();
        int sampleStep = Math.max(1, count / 50);
        long maxCard = 0;
        // Membership and history rows wait in two temporary files while the person rows are copied (one
        // COPY at a time on the connection, and all three in one transaction for FREEZE).
        Path membershipFile = Files.createTempFile("gonghui-bench-membership", ".copy");
        Path eventFile = Files.createTempFile("gonghui-bench-event", ".copy");
        try {
            long t0 = System.nanoTime();
            CopyIn in = pg.getCopyAPI().copyIn("copy person (id, id_hash, id_cipher, id_key, id_masked, name, birth_date, sex, phone_hash,"
                    + " phone_cipher, phone_key, phone_masked, created_at, updated_at) from stdin with (freeze)");
            try (OutputStream membershipOut = new BufferedOutputStream(Files.newOutputStream(membershipFile), 1 << 20);
                    OutputStream eventOut = new BufferedOutputStream(Files.newOutputStream(eventFile), 1 << 20)) {
                // Members are drawn in order on this thread (one random stream); chunks are encoded (encrypted,
                // hashed, formatted) on the pool and written in order, at most 8 chunks in flight.
                List<Future<Encoded>> window = new ArrayList<>();
                while (generator.hasNext() || !window.isEmpty()) {
                    while (generator.hasNext() && window.size() < 8) {
                        int from = generator.next;
                        int to = Math.min(count, from + CHUNK);
                        Member[] chunk = new Member[to - from];
                        for (int k = 0; k < chunk.length; k++) {
                            int i = from + k;
                            Member m = generator.next();
                            m.card = cards[i] == 0 ? 0 : FIRST_CARD + cards[i] - 1;
                            maxCard = Math.max(maxCard, m.card);
                            tally.add(m);
                            if (i % sampleStep == 0) {
                                tally.samples.put(i, m);
                            }
                            chunk[k] = m;
                        }
                        window.add(pool.submit(() -> encode(from, chunk, unions, personalData)));
                    }
                    Encoded e = window.remove(0).get();
                    in.writeToCopy(e.person(), 0, e.person().length);
                    membershipOut.write(e.membership());
                    eventOut.write(e.event());
                }
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
            log("person: %,d rows in %.1f s (encrypted and hashed on %d threads; membership and history rows staged: %,d MB)", count,
                    seconds(t0), threads, (Files.size(membershipFile) + Files.size(eventFile)) >> 20);
            t0 = System.nanoTime();
            copyFile(pg, "membership (id, person_id, person_hash, name, union_id, status, provisional, card_number, joined_on, employer_name,"
                    + " employer_credit_code, occupation, key_groups, new_employment_form, migrant_worker, status_reason, status_changed_at,"
                    + " applicant_subject, created_at, updated_at)", membershipFile);
            log("membership: %,d rows in %.1f s", count, seconds(t0));
            t0 = System.nanoTime();
            copyFile(pg, "membership_event (membership_id, person_hash, union_id, from_status, to_status, reason, actor_subject, occurred_at)",
                    eventFile);
            log("membership_event: %,d rows in %.1f s", count, seconds(t0));
        } finally {
            pool.shutdown();
            Files.deleteIfExists(membershipFile);
            Files.deleteIfExists(eventFile);
        }
        long ti = System.nanoTime();
        try (Statement st = db.createStatement()) {
            st.execute("set local maintenance_work_mem = '256MB'");
            for (String[] index : indexes) {
                long t1 = System.nanoTime();
                st.execute(index[1]);
                log("index %s built in %.1f s", index[0], seconds(t1));
            }
        }
        log("%d indexes built in %.1f s", indexes.size(), seconds(ti));
        long tf = System.nanoTime();
        try (Statement st = db.createStatement()) {
            for (String[] fk : foreignKeys) {
                st.execute("alter table " + fk[0] + " add constraint " + fk[1] + " " + fk[2]);
            }
        }
        log("foreign keys validated in %.1f s", seconds(tf));
        try (Statement st = db.createStatement()) {
            // The application's identities and card numbers continue after the generated ones.
            st.execute("select setval(pg_get_serial_sequence('person', 'id'), " + (FIRST_ID + count) + ")");
            st.execute("select setval(pg_get_serial_sequence('membership', 'id'), " + (FIRST_ID + count) + ")");
            st.execute("select setval('member_card_seq', greatest(" + Math.max(maxCard, 1000) + ", (select last_value from member_card_seq)))");
        }
        long t0 = System.nanoTime();
        db.commit();
        db.setAutoCommit(true);
        try (Statement st = db.createStatement()) {
            st.execute("analyze person, membership, membership_event");
        }
        log("commit and ANALYZE in %.1f s", seconds(t0));
        return tally;
    }

    static Encoded encode(int from, Member[] chunk, List<Union> unions, PersonalData personalData) {
        StringBuilder person = new StringBuilder(chunk.length * 420);
        StringBuilder membership = new StringBuilder(chunk.length * 300);
        StringBuilder event = new StringBuilder(chunk.length * 200);
        for (int k = 0; k < chunk.length; k++) {
            Member m = chunk[k];
            person.append(personRow(from + k, m, personalData)).append('\n'); // sets m.idHash, used by the other two
            membership.append(membershipRow(from + k, m, unions)).append('\n');
            event.append(eventRow(from + k, m, unions)).append('\n');
        }
        return new Encoded(person.toString().getBytes(StandardCharsets.UTF_8), membership.toString().getBytes(StandardCharsets.UTF_8),
                event.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** COPY ... FREEZE from a file of rows in COPY's text format. */
    static void copyFile(PGConnection pg, String target, Path file) throws SQLException, IOException {
        try (InputStream rows = Files.newInputStream(file)) {
            pg.getCopyAPI().copyIn("copy " + target + " from stdin with (freeze)", rows, 1 << 20);
        }
    }

    /** An insert-only set of longs (open addressing, no boxing): 8 bytes a slot, at most half full. */
    static final class LongSet {
        private static final long FREE = Long.MIN_VALUE;
        private final long[] slots;
        private final int mask;

        LongSet(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
            slots = new long[capacity];
            Arrays.fill(slots, FREE);
            mask = capacity - 1;
        }

        /** Adds the value; false if it was there already. */
        boolean add(long value) {
            if (value == FREE) {
                throw new IllegalArgumentException("reserved value");
            }
            int i = (int) (mix(value) & mask);
            while (slots[i] != FREE) {
                if (slots[i] == value) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            slots[i] = value;
            return true;
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
            z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
            return z ^ (z >>> 33);
        }
    }

    static String personRow(int i, Member m, PersonalData personalData) {
        String id = m.idNumber.value();
        m.idHash = personalData.hash(Purpose.ID_NUMBER, id);
        Sealed idSealed = personalData.encrypt(Purpose.ID_NUMBER, id);
        StringBuilder sb = new StringBuilder(420);
        sb.append(FIRST_ID + i).append('\t');
        bytea(sb, m.idHash).append('\t');
        bytea(sb, idSealed.ciphertext()).append('\t');
        text(sb, idSealed.keyId()).append('\t');
        text(sb, m.idNumber.masked()).append('\t');
        text(sb, m.name).append('\t');
        sb.append(m.idNumber.birthDate()).append('\t');
        sb.append(m.idNumber.sex().name()).append('\t');
        if (m.phone == null) {
            sb.append("\\N\t\\N\t\\N\t\\N\t");
        } else {
            PhoneNumber phone = new PhoneNumber(m.phone);
            Sealed phoneSealed = personalData.encrypt(Purpose.PHONE, phone.value());
            bytea(sb, personalData.hash(Purpose.PHONE, phone.value())).append('\t');
            bytea(sb, phoneSealed.ciphertext()).append('\t');
            text(sb, phoneSealed.keyId()).append('\t');
            text(sb, phone.masked()).append('\t');
        }
        timestamp(sb, m.createdAt).append('\t');
        timestamp(sb, m.statusChangedAt);
        return sb.toString();
    }

    static String membershipRow(int i, Member m, List<Union> unions) {
        StringBuilder sb = new StringBuilder(300);
        long id = FIRST_ID + i;
        sb.append(id).append('\t').append(id).append('\t');
        bytea(sb, m.idHash).append('\t');
        text(sb, m.name).append('\t');
        sb.append(unions.get(m.union).id()).append('\t');
        sb.append(m.status).append('\t');
        sb.append(m.provisional ? 't' : 'f').append('\t');
        if (m.card > 0) {
            sb.append("GH").append(String.format("%012d", m.card)).append('\t');
        } else {
            sb.append("\\N\t");
        }
        if (m.joinedOn == null) {
            sb.append("\\N\t");
        } else {
            sb.append(m.joinedOn).append('\t');
        }
        text(sb, m.employer).append('\t');
        text(sb, m.creditCode).append('\t');
        text(sb, m.occupation).append('\t');
        sb.append('{');
        boolean first = true;
        for (KeyGroup g : GROUPS) {
            if ((m.keyGroups & (1 << g.ordinal())) != 0) {
                sb.append(first ? "" : ",").append(g.name());
                first = false;
            }
        }
        sb.append("}\t");
        sb.append(m.newForm ? 't' : 'f').append('\t');
        sb.append(m.migrant ? 't' : 'f').append('\t');
        text(sb, m.statusReason).append('\t');
        timestamp(sb, m.statusChangedAt).append('\t');
        text(sb, m.applicant).append('\t');
        timestamp(sb, m.createdAt).append('\t');
        timestamp(sb, m.statusChangedAt);
        return sb.toString();
    }

    /** The membership's first history record: how it came to its present status. */
    static String eventRow(int i, Member m, List<Union> unions) {
        StringBuilder sb = new StringBuilder(200);
        sb.append(FIRST_ID + i).append('\t');
        bytea(sb, m.idHash).append('\t');
        sb.append(unions.get(m.union).id()).append('\t');
        sb.append("\\N\t");
        sb.append(m.status).append('\t');
        text(sb, m.statusReason == null ? "基准测试生成数据 (bench data)" : m.statusReason).append('\t');
        sb.append(ACTOR).append('\t');
        timestamp(sb, m.statusChangedAt);
        return sb.toString();
    }

    static StringBuilder bytea(StringBuilder sb, byte[] bytes) {
        sb.append("\\\\x");
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb;
    }

    /** A text value in COPY's text format: \N for null, backslash and control characters escaped. */
    static StringBuilder text(StringBuilder sb, String value) {
        if (value == null) {
            return sb.append("\\N");
        }
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb;
    }

    /** China has one time zone and no daylight saving: local times are +08. */
    static StringBuilder timestamp(StringBuilder sb, LocalDateTime t) {
        return sb.append(TS.format(t)).append("+08");
    }

    // --- checks

    /** Re-reads a few rows and checks them against what was drawn: decryption, hash, mask, counts. */
    static void verify(Connection db, int count, Tally tally, PersonalData personalData) throws SQLException {
        try (Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("select (select count(*) from person), (select count(*) from membership), (select count(*) from membership_event)")) {
                rs.next();
                for (int c = 1; c <= 3; c++) {
                    if (rs.getLong(c) != count) {
                        throw new IllegalStateException("expected " + count + " rows in each table, column " + c + " has " + rs.getLong(c));
                    }
                }
            }
            for (Map.Entry<Integer, Member> sample : new java.util.TreeMap<>(tally.samples).entrySet()) {
                int i = sample.getKey();
                Member m = sample.getValue();
                try (ResultSet rs = st.executeQuery("select id_hash, id_cipher, id_key, id_masked, phone_cipher, phone_key, name from person where id = "
                        + (FIRST_ID + i))) {
                    rs.next();
                    String id = personalData.decryptText(Purpose.ID_NUMBER, rs.getBytes("id_cipher"), rs.getString("id_key"));
                    String phone = rs.getBytes("phone_cipher") == null ? null
                            : personalData.decryptText(Purpose.PHONE, rs.getBytes("phone_cipher"), rs.getString("phone_key"));
                    if (!id.equals(m.idNumber.value()) || !Arrays.equals(rs.getBytes("id_hash"), personalData.hash(Purpose.ID_NUMBER, id))
                            || !rs.getString("id_masked").equals(m.idNumber.masked()) || !java.util.Objects.equals(phone, m.phone)
                            || !rs.getString("name").equals(m.name)) {
                        throw new IllegalStateException("person " + (FIRST_ID + i) + " does not read back as generated");
                    }
                }
            }
        }
        double n = count / 100.0;
        log("checked: %d rows read back and decrypt; statuses %s; key groups %.1f%%, new-form %.1f%%, migrant %.1f%%, two-character names %.1f%%;"
                + " joined %s to %s", tally.samples.size(), tally.byStatus, tally.grouped / n, tally.newForm / n, tally.migrant / n,
                tally.twoChar / n, tally.firstJoin, tally.lastJoin);
    }

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: the generator must use the keys the application is started with");
        }
        return value;
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void log(String format, Object... args) {
        System.err.printf("[members %s] %s%n", java.time.LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                String.format(format, args));
    }
}
