package io.feiyan.launcher.demo;

import io.feiyan.launcher.demo.CountyPlan.Village;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** The names and numbers the plan makes up: of people as the county's are called, of villages, of mobile phones. */
final class Names {
    enum Age {
        ELDERLY_FEMALE, ELDERLY_MALE, MIDDLE_FEMALE, MIDDLE_MALE, CHILD_FEMALE, CHILD_MALE
    }

    private static final List<String> SURNAMES = List.of("王", "王", "王", "张", "张", "李", "李", "刘", "刘", "徐",
            "徐", "杜", "杜", "孙", "陈", "杨", "赵", "高", "马", "吴", "周", "朱", "胡", "郭", "宋", "邵", "颜", "于",
            "冯", "韩", "褚", "庞", "姚", "彭");
    private static final Map<Age, List<String>> GIVEN = Map.of(
            Age.ELDERLY_FEMALE, List.of("秀英", "桂兰", "玉兰", "秀兰", "凤英", "桂英", "玉珍", "淑珍", "兰英", "素芳",
                    "翠花", "秀珍", "桂芳", "玉梅", "凤兰"),
            Age.ELDERLY_MALE, List.of("建国", "德明", "学文", "广田", "振华", "宝山", "长江", "玉林", "文德", "守义",
                    "传德", "洪彬", "殿臣", "茂林", "金山"),
            Age.MIDDLE_FEMALE, List.of("丽", "霞", "静", "燕", "红梅", "艳", "芳", "慧", "丽娜", "晓梅", "敏", "娟",
                    "秀云", "春燕", "海燕"),
            Age.MIDDLE_MALE, List.of("伟", "强", "磊", "军", "勇", "涛", "刚", "斌", "海涛", "建军", "明", "成",
                    "志刚", "庆华", "洪亮"),
            Age.CHILD_FEMALE, List.of("子涵", "梓萱", "欣怡", "雨桐", "诗涵", "一诺", "可馨", "佳怡", "思琪", "若曦"),
            Age.CHILD_MALE, List.of("浩然", "子轩", "宇航", "梓豪", "俊熙", "博文", "一鸣", "家乐", "子墨", "明轩"));
    private static final List<String> AWAY = List.of("Shanghai", "Suzhou", "Hangzhou", "Beijing", "Shenzhen",
            "Qingdao", "Linyi", "Nanjing", "Tianjin", "Wuxi", "Guangzhou", "Jinan");
    static final List<String> SKILLS = List.of("elderly care", "first aid", "smartphones", "farming",
            "cooking", "small repairs", "tutoring", "haircuts", "sewing", "driving");
    private static final List<String> MOBILE = List.of("130", "131", "132", "133", "135", "136", "137", "138",
            "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "180", "182", "183", "186", "187",
            "188", "189", "199");
    private static final String[][] VILLAGE_HEADS = {{"王", "Wang"}, {"张", "Zhang"}, {"李", "Li"}, {"刘", "Liu"},
            {"徐", "Xu"}, {"杜", "Du"}, {"孙", "Sun"}, {"陈", "Chen"}, {"杨", "Yang"}, {"赵", "Zhao"}, {"高", "Gao"},
            {"马", "Ma"}, {"吴", "Wu"}, {"周", "Zhou"}, {"朱", "Zhu"}, {"胡", "Hu"}, {"郭", "Guo"}, {"宋", "Song"},
            {"邵", "Shao"}, {"颜", "Yan"}, {"于", "Yu"}, {"冯", "Feng"}, {"韩", "Han"}, {"褚", "Chu"}, {"庞", "Pang"},
            {"姚", "Yao"}, {"彭", "Peng"}, {"沙", "Sha"}, {"石", "Shi"}, {"柳", "Liu"}, {"槐", "Huai"}, {"桃", "Tao"},
            {"杏", "Xing"}, {"枣", "Zao"}, {"河", "He"}, {"郯", "Tan"}, {"沂", "Yi"}, {"沭", "Shu"}, {"白", "Bai"},
            {"花", "Hua"}, {"麦", "Mai"}, {"芦", "Lu"}};
    private static final String[][] VILLAGE_SIDES = {{"前", "Qian"}, {"后", "Hou"}, {"东", "Dong"}, {"西", "Xi"},
            {"南", "Nan"}, {"北", "Bei"}, {"大", "Da"}, {"小", "Xiao"}, {"新", "Xin"}, {"老", "Lao"}, {"中", "Zhong"}};
    private static final String[][] VILLAGE_TAILS = {{"庄", "zhuang"}, {"村", "cun"}, {"屯", "tun"}, {"岭", "ling"},
            {"湖", "hu"}, {"埠", "bu"}, {"楼", "lou"}, {"集", "ji"}, {"官庄", "guanzhuang"}, {"沟", "gou"},
            {"营", "ying"}, {"店", "dian"}, {"圩", "wei"}, {"洼", "wa"}, {"墩", "dun"}, {"桥", "qiao"}, {"寨", "zhai"},
            {"家庄", "jiazhuang"}, {"岭子", "lingzi"}, {"河崖", "heya"}};

    private Names() {
    }

    static String surname(Random random) {
        return SURNAMES.get(random.nextInt(SURNAMES.size()));
    }

    /** A village with a name not yet used in the town, in characters and in pinyin, and its 飞燕 team's code. */
    static Village newVillage(String code, Random random, Set<String> taken) {
        while (true) {
            String[] head = VILLAGE_HEADS[random.nextInt(VILLAGE_HEADS.length)];
            String[] tail = VILLAGE_TAILS[random.nextInt(VILLAGE_TAILS.length)];
            String name = head[0] + tail[0];
            String pinyin = head[1] + tail[1];
            if (random.nextInt(100) < 35) {
                String[] side = VILLAGE_SIDES[random.nextInt(VILLAGE_SIDES.length)];
                name = side[0] + name;
                pinyin = side[1] + pinyin.toLowerCase();
            }
            if (taken.add(name)) {
                return new Village(code, name, pinyin, "feiyan-" + code);
            }
        }
    }

    static String person(Random random, Age age) {
        return surname(random) + given(random, age);
    }

    static String given(Random random, Age age) {
        List<String> names = GIVEN.get(age);
        return names.get(random.nextInt(names.size()));
    }

    static String mobile(Random random) {
        return MOBILE.get(random.nextInt(MOBILE.size())) + String.format("%08d", random.nextInt(100_000_000));
    }

    static String away(Random random) {
        return AWAY.get(random.nextInt(AWAY.size()));
    }
}
