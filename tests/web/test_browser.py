"""The portal in a real headless Chromium: search → project → source passage, language switch, map, network.

Screenshots go to test-artifacts/ (git-ignored) for a person to look at.
"""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (CHROMIUM.exists() and DRIVER.exists()),
                       reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(kb_db):
    import uvicorn

    from integraph.web.app import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(kb_db[0]), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):  # bounded wait for the socket to listen
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    pytest.importorskip("selenium")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    profile = tmp_path_factory.mktemp("chromium-profile")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", "--window-size=1280,1000", "--lang=en-GB"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=opts)
    driver.set_page_load_timeout(60)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def wait_for(driver, css: str) -> list:
    """Elements matching `css` once the new page shows them (bounded wait)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, css))
    return driver.find_elements(By.CSS_SELECTOR, css)


def shot(driver, name: str) -> None:
    driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def test_search_to_project_to_source_passage(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    box = browser.find_element(By.ID, "q")
    box.send_keys("e-services")
    box.submit()
    wait_for(browser, ".hit")
    marks = browser.find_elements(By.CSS_SELECTOR, ".hit mark")
    assert any("услуги" in m.text for m in marks)  # the Bulgarian passage, matched through the thesaurus
    shot(browser, "1-search")
    browser.find_element(By.LINK_TEXT, "Дигитален мост").click()
    assert "Дигитален мост" in browser.find_element(By.TAG_NAME, "h1").text
    timeline = browser.find_elements(By.CSS_SELECTOR, ".timeline li")
    assert len(timeline) == 2  # ongoing in 2023, completed in 2024, each with its sentence
    partners = browser.find_element(By.CSS_SELECTOR, "dl.profile").text
    assert "Нов дом" in partners
    shot(browser, "2-project")
    timeline[-1].find_element(By.CSS_SELECTOR, "a.srclink").click()
    mark = browser.find_element(By.ID, "hl")
    assert mark.is_displayed()
    assert "приключи" in mark.text
    shot(browser, "3-source")


def test_language_switch_sticks(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/?lang=bg")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "bg"
    browser.get(server + "/projects")  # the cookie keeps the choice
    assert browser.find_element(By.TAG_NAME, "h1").text == "Проекти"
    shot(browser, "4-bulgarian")
    browser.get(server + "/?lang=en")


def test_map_and_network(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/map")
    countries = browser.find_elements(By.CSS_SELECTOR, "svg.map path.country")
    assert len(countries) > 30  # shapes installed by npm ci
    assert browser.find_elements(By.CSS_SELECTOR, "svg.map path.country.has")
    # Leaflet (npm) replaces the SVG once its data arrived: shapes and city markers, no tile images.
    shapes = wait_for(browser, ".leaflet-map path.leaflet-interactive")
    assert len(shapes) > 30
    assert not browser.find_elements(By.CSS_SELECTOR, ".leaflet-tile")
    assert not browser.find_element(By.CSS_SELECTOR, "svg.map").is_displayed()
    shot(browser, "5-map")
    browser.get(server + "/organisations/O1")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.network .node.project")
    shot(browser, "6-network")
