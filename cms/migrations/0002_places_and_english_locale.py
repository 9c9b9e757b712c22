"""Reference data every environment needs: the launch city's and Beijing's districts, and the en locale."""

from django.db import migrations

CITIES = [
    ("370800", "济宁市", "Jining", True, [
        ("370811", "任城区", "Rencheng District"),
        ("370812", "兖州区", "Yanzhou District"),
        ("370826", "微山县", "Weishan County"),
        ("370827", "鱼台县", "Yutai County"),
        ("370828", "金乡县", "Jinxiang County"),
        ("370829", "嘉祥县", "Jiaxiang County"),
        ("370830", "汶上县", "Wenshang County"),
        ("370831", "泗水县", "Sishui County"),
        ("370832", "梁山县", "Liangshan County"),
        ("370881", "曲阜市", "Qufu City"),
        ("370883", "邹城市", "Zoucheng City"),
    ]),
    ("110000", "北京市", "Beijing", False, [
        ("110101", "东城区", "Dongcheng District"),
        ("110102", "西城区", "Xicheng District"),
        ("110105", "朝阳区", "Chaoyang District"),
        ("110106", "丰台区", "Fengtai District"),
        ("110107", "石景山区", "Shijingshan District"),
        ("110108", "海淀区", "Haidian District"),
        ("110109", "门头沟区", "Mentougou District"),
        ("110111", "房山区", "Fangshan District"),
        ("110112", "通州区", "Tongzhou District"),
        ("110113", "顺义区", "Shunyi District"),
        ("110114", "昌平区", "Changping District"),
        ("110115", "大兴区", "Daxing District"),
        ("110116", "怀柔区", "Huairou District"),
        ("110117", "平谷区", "Pinggu District"),
        ("110118", "密云区", "Miyun District"),
        ("110119", "延庆区", "Yanqing District"),
    ]),
]


def seed(apps, schema_editor):
    City = apps.get_model("cms", "City")
    District = apps.get_model("cms", "District")
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, name_zh, name_en, launched, districts in CITIES:
        city, _ = City.objects.update_or_create(
            code=code, defaults={"name_zh": name_zh, "name_en": name_en, "is_launched": launched}
        )
        for d_code, d_zh, d_en in districts:
            District.objects.update_or_create(code=d_code, defaults={"city": city, "name_zh": d_zh, "name_en": d_en})
    Locale.objects.get_or_create(language_code="zh-hans")
    Locale.objects.get_or_create(language_code="en")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
